"""The built-in channel catalog: where customers meet the brand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

ChannelKind = Literal["digital", "physical", "human"]


@dataclass(frozen=True, slots=True)
class BuiltinChannel:
    id: str
    name: str
    kind: ChannelKind
    description: str


CATALOG: Final[dict[str, BuiltinChannel]] = {
    channel.id: channel
    for channel in (
        BuiltinChannel("website", "Website", "digital", "The brand's own website or web shop"),
        BuiltinChannel("mobile-app", "Mobile app", "digital", "The brand's app on a phone or tablet"),
        BuiltinChannel("email", "Email", "digital", "Messages sent to or received from the customer by email"),
        BuiltinChannel("sms", "SMS", "digital", "Text messages"),
        BuiltinChannel("messaging", "Messaging", "digital", "Messaging apps such as WhatsApp or Messenger"),
        BuiltinChannel("social-media", "Social media", "digital", "Posts, stories and ads on social networks"),
        BuiltinChannel("search", "Search", "digital", "Search engine results"),
        BuiltinChannel("paid-ads", "Paid ads", "digital", "Display, video and search advertising"),
        BuiltinChannel("reviews", "Reviews", "digital", "Review sites, ratings and marketplaces' reviews"),
        BuiltinChannel("chat", "Live chat", "human", "Chat with a person on the website or in the app"),
        BuiltinChannel("chatbot", "Chatbot", "digital", "An automated assistant"),
        BuiltinChannel("phone", "Phone", "human", "Calls with a call centre or a salesperson"),
        BuiltinChannel("store", "Store", "physical", "A physical shop, branch or showroom"),
        BuiltinChannel("salesperson", "Salesperson", "human", "A member of staff selling or advising in person"),
        BuiltinChannel("event", "Event", "physical", "Fairs, conferences, workshops and launches"),
        BuiltinChannel("print", "Print", "physical", "Brochures, catalogues, flyers and print ads"),
        BuiltinChannel("direct-mail", "Direct mail", "physical", "Letters and parcels sent by post"),
        BuiltinChannel("packaging", "Packaging", "physical", "The box, label and inserts the product comes in"),
        BuiltinChannel("tv-radio", "TV and radio", "physical", "Broadcast advertising and programmes"),
        BuiltinChannel("local-listing", "Local listing", "digital", "Map and local business listings"),
    )
}
