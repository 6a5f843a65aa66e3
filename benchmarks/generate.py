"""Generate the benchmark corpus: realistic journey maps in journeyctl's own format.

Seeded, so every run on every machine measures the same bytes. The files look like
the shipped examples: persona files shared by several journeys, inline personas,
4-7 stages of 3-8 steps, touchpoints, questions, pain points with the opportunities
that address them, metrics with target, unit, source and owner; block and flow style
mixed, folded descriptions, comments, text in English, Portuguese and Romanian.

    .venv/bin/python benchmarks/generate.py            # the whole corpus
    .venv/bin/python benchmarks/generate.py --quick    # 100 and 1,000 files, 2,500 and 5,000 steps

Output goes to benchmarks/corpus/ (git-ignored):

    files-100/ files-1000/ files-4000/   typical files, ~1 persona file per 8 journeys
    steps-2500.yaml ... steps-20000.yaml  one journey each, self-contained
    small.yaml                            one typical journey, self-contained
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from journeyctl.model import PHASE_ORDER

CORPUS: Final = Path(__file__).resolve().parent / "corpus"
FILE_COUNTS: Final = (100, 1_000, 4_000)
STEP_COUNTS: Final = (2_500, 5_000, 10_000, 20_000)
QUICK_FILE_COUNTS: Final = (100, 1_000)
QUICK_STEP_COUNTS: Final = (2_500, 5_000)
PERSONA_EVERY: Final = 8
"""One persona file per this many files in a folder."""
SEED: Final = 20261123

PHASES: Final = PHASE_ORDER
JOURNEY_TYPES: Final = ("purchase", "lead-generation", "onboarding", "engagement", "retention", "support", "other")
BUILTIN_CHANNELS: Final = (
    "website",
    "mobile-app",
    "email",
    "sms",
    "messaging",
    "social-media",
    "search",
    "paid-ads",
    "reviews",
    "chat",
    "chatbot",
    "phone",
    "store",
    "salesperson",
    "event",
    "print",
    "direct-mail",
    "packaging",
    "local-listing",
)
TEAMS: Final = (
    "cx-team",
    "ecommerce-team",
    "store-operations",
    "customer-care",
    "marketing-regional",
    "demand-generation",
    "billing-ops",
    "onboarding-squad",
    "product-growth",
    "field-services",
    "Ana Ribeiro (CX lead)",
    "Equipe de Atendimento",
    "Echipa de vânzări",
)
SOURCES: Final = ("GA4", "HubSpot", "Zendesk", "Salesforce CRM", "NPS survey", "Mixpanel", "Pesquisa CSAT", "Looker")
UNITS: Final = ("%", "minutes", "days", "leads/month", "NPS points", "reais", "lei", "tickets/week", "clicks")

# Small word pools per language; sentences are stitched from them.
WORDS: Final = {
    "en": {
        "subject": ("The customer", "She", "He", "The buyer", "The runner", "The admin", "Our client", "The family"),
        "verb": ("compares", "searches for", "reads", "asks about", "checks", "opens", "books", "cancels", "pays for"),
        "object": (
            "the delivery options",
            "prices on three sites",
            "the fitting appointment",
            "the onboarding checklist",
            "the first invoice",
            "reviews from other buyers",
            "the returns policy",
            "a discount code",
            "the setup guide",
        ),
        "tail": (
            "on a phone at lunch",
            "before talking to the team",
            "after a long wait",
            "in the evening",
            "with a colleague",
            "while the store is busy",
            "for the second time this week",
        ),
        "thought": (
            "Why is this so hard?",
            "This looks exactly like what we need",
            "I hope the price is the same in store",
            "Will anyone call me back?",
            "That was quicker than I expected",
            "Do I really need to create an account?",
        ),
    },
    "pt-BR": {
        "subject": ("A cliente", "O cliente", "Fernanda", "Carlos", "O assinante", "A família"),
        "verb": ("compara", "procura", "lê", "pergunta sobre", "confere", "agenda", "cancela", "paga"),
        "object": (
            "a cobertura no bairro",
            "o preço promocional",
            "a visita do técnico",
            "a primeira fatura",
            "as avaliações no Reclame Aqui",
            "o contrato de fidelidade",
            "o roteador novo",
        ),
        "tail": (
            "pelo WhatsApp à noite",
            "no quiosque do shopping",
            "antes de falar com o atendente",
            "depois de esperar na fila",
            "junto com o vizinho do 302",
        ),
        "thought": (
            "Será que a instalação atrasa de novo?",
            "Até que enfim chegou fibra aqui",
            "Por que a fatura veio mais alta?",
            "Esse atendimento foi rápido",
        ),
    },
    "ro": {
        "subject": ("Clientul", "Clienta", "Andrei", "Ioana", "Cumpărătorul"),
        "verb": ("compară", "caută", "citește", "întreabă despre", "verifică", "programează", "plătește"),
        "object": (
            "opțiunile de livrare",
            "prețul din magazin",
            "factura lunară",
            "recenziile altor clienți",
            "politica de retur",
            "ghidul de instalare",
        ),
        "tail": (
            "seara, de pe telefon",
            "în pauza de prânz",
            "după o așteptare lungă",
            "înainte de a suna la call center",
        ),
        "thought": (
            "De ce durează atât?",
            "Exact ce căutam",
            "Sper că prețul e același în magazin",
            "A fost mai simplu decât credeam",
        ),
    },
}
LANGS: Final = tuple(WORDS)

# A plain scalar must not start with an indicator, hold `: ` or ` #`, or look like
# anything but text to another YAML loader (a number, a date, yes/no).
_SAFE_PLAIN: Final = re.compile(r"^[A-Za-zÀ-ÿĂăÂâÎîȘșȚț(][^:#\n\"'\[\]{},&*!|>%@`]*$")
_NOT_TEXT_ELSEWHERE: Final = re.compile(r"^(?:y|yes|n|no|on|off|true|false|null|~)$", re.IGNORECASE)


def text(value: str) -> str:
    """`value` as a YAML scalar that every YAML loader reads back as the same text."""
    if _SAFE_PLAIN.match(value) and not _NOT_TEXT_ELSEWHERE.match(value) and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Writer:
    """Emits YAML lines; journeys mix block and flow style the way people write them."""

    lines: list[str]

    def line(self, indent: int, content: str) -> None:
        self.lines.append(" " * indent + content)

    def folded(self, indent: int, key: str, value: str, width: int = 76) -> None:
        self.line(indent, f"{key}: >-")
        row: list[str] = []
        for word in value.split(" "):
            if row and len(" ".join([*row, word])) + indent + 2 > width:
                self.line(indent + 2, " ".join(row))
                row = []
            row.append(word)
        self.line(indent + 2, " ".join(row))

    def texts(self, indent: int, key: str, values: list[str], *, flow: bool) -> None:
        if flow:
            self.line(indent, f"{key}: [{', '.join(json.dumps(v, ensure_ascii=False) for v in values)}]")
            return
        self.line(indent, f"{key}:")
        for value in values:
            self.line(indent + 2, f"- {text(value)}")


class Author:
    """Writes one journey or persona at a time from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def pick(self, options: tuple[str, ...]) -> str:
        return self.random.choice(options)

    def sentence(self, lang: str) -> str:
        words = WORDS[lang]
        return " ".join(self.pick(words[part]) for part in ("subject", "verb", "object", "tail"))

    def paragraph(self, lang: str, sentences: int) -> str:
        return ". ".join(self.sentence(lang) for _ in range(sentences)) + "."

    def title(self, lang: str) -> str:
        words = WORDS[lang]
        return f"{self.pick(words['verb']).capitalize()} {self.pick(words['object'])}"

    def persona(self, writer: Writer, indent: int, ident: str, lang: str, *, inline: bool) -> None:
        first = "- " if inline else ""
        pad = indent + (2 if inline else 0)
        writer.line(indent, f"{first}id: {ident}")
        writer.line(pad, f"name: {text(ident.replace('-', ' ').title())}")
        writer.line(pad, f"segment: {text(self.title(lang))}")
        writer.folded(pad, "description", self.paragraph(lang, 3))
        if self.random.random() < 0.6:
            writer.line(pad, f"quote: {json.dumps(self.pick(WORDS[lang]['thought']), ensure_ascii=False)}")
        writer.line(pad, "demographics:")
        writer.line(pad + 2, f"age: {self.random.randint(19, 71)}")
        writer.line(pad + 2, f"occupation: {text(self.pick(WORDS[lang]['subject']))}")
        writer.line(pad + 2, f"location: {text(self.pick(('Leeds', 'Belo Horizonte', 'Cluj-Napoca', 'Charlotte')))}")
        for key in ("goals", "needs", "motivations", "frustrations", "habits"):
            if self.random.random() < 0.8:
                values = [self.sentence(lang) for _ in range(self.random.randint(1, 4))]
                writer.texts(pad, key, values, flow=False)

    def persona_file(self, ident: str) -> str:
        lang = self.pick(LANGS)
        writer = Writer(["# yaml-language-server: $schema=../../schema/journeyctl.schema.json", "kind: persona"])
        self.persona(writer, 0, ident, lang, inline=False)
        return "\n".join(writer.lines) + "\n"

    def journey(self, ident: str, shared_personas: list[str], stage_count: int, steps_per_stage: list[int]) -> str:
        lang = self.pick(LANGS)
        writer = Writer(["# yaml-language-server: $schema=../../schema/journeyctl.schema.json"])
        writer.line(0, "kind: journey")
        writer.line(0, f"id: {ident}")
        writer.line(0, f"title: {text(self.title(lang))}")
        writer.line(0, f"type: {self.pick(JOURNEY_TYPES)}")
        writer.line(0, f"lang: {lang}")
        writer.folded(0, "description", self.paragraph(lang, 4))
        writer.line(0, f"owner: {text(self.pick(TEAMS))}")
        writer.texts(0, "goals", [self.sentence(lang) for _ in range(self.random.randint(2, 4))], flow=False)
        writer.line(0, "personas:")
        persona_ids: list[str] = []
        for shared in shared_personas:
            writer.line(2, f"- {shared}")
            persona_ids.append(shared)
        if not shared_personas or self.random.random() < 0.3:
            inline_id = f"{ident}-visitor"
            self.persona(writer, 2, inline_id, lang, inline=True)
            persona_ids.append(inline_id)
        writer.line(0, f"last_reviewed: 2026-{self.random.randint(1, 12):02d}-{self.random.randint(1, 28):02d}")
        writer.line(0, f"review_every_days: {self.pick(('90', '120', '180', '365'))}")
        custom_channel = f"{ident}-kiosk"
        writer.line(0, "channels:")
        writer.line(2, f"- id: {custom_channel}")
        writer.line(4, f"name: {text(self.title(lang))}")
        writer.line(4, f"kind: {self.pick(('digital', 'physical', 'human'))}")
        channels = (*BUILTIN_CHANNELS, custom_channel)
        writer.line(0, "stages:")
        step_number = 0
        for stage_index in range(stage_count):
            stage_id = f"stage-{stage_index + 1}"
            if stage_index:
                writer.lines.append("")
            writer.line(2, f"- id: {stage_id}")
            writer.line(4, f"name: {text(self.title(lang))}")
            writer.line(4, f"phase: {PHASES[min(stage_index * len(PHASES) // stage_count, len(PHASES) - 1)]}")
            writer.line(4, f"owner: {text(self.pick(TEAMS))}")
            writer.folded(4, "description", self.paragraph(lang, 2))
            questions = [self.pick(WORDS[lang]["thought"]) for _ in range(self.random.randint(1, 3))]
            writer.texts(4, "questions", questions, flow=False)
            self.metrics(writer, 4, lang, self.random.randint(1, 2))
            writer.line(4, "steps:")
            for _ in range(steps_per_stage[stage_index]):
                step_number += 1
                self.step(writer, f"step-{step_number}", lang, persona_ids, channels)
        return "\n".join(writer.lines) + "\n"

    def step(self, writer: Writer, step_id: str, lang: str, persona_ids: list[str], channels: tuple[str, ...]) -> None:
        chance = self.random.random
        writer.line(6, f"- id: {step_id}")
        writer.line(8, f"name: {text(self.title(lang))}")
        writer.line(8, f"owner: {text(self.pick(TEAMS))}")
        if chance() < 0.4:
            writer.folded(8, "description", self.paragraph(lang, 2))
        else:
            writer.line(8, f"description: {text(self.sentence(lang))}")
        if chance() < 0.6:
            chosen = self.random.sample(persona_ids, self.random.randint(1, len(persona_ids)))
            writer.line(8, f"personas: [{', '.join(chosen)}]")
        writer.texts(8, "actions", [self.sentence(lang) for _ in range(self.random.randint(1, 3))], flow=chance() < 0.2)
        thoughts = [self.pick(WORDS[lang]["thought"]) for _ in range(self.random.randint(1, 2))]
        writer.texts(8, "thoughts", thoughts, flow=False)
        writer.line(8, f"emotion: {self.random.randint(-2, 2)}")
        if chance() < 0.15:
            writer.line(8, "milestone: true")
        writer.line(8, "touchpoints:")
        for _ in range(self.random.randint(1, 3)):
            channel = self.pick(channels)
            rating = self.random.randint(1, 5)
            if chance() < 0.25:
                writer.line(10, f"- {{channel: {channel}, rating: {rating}}}")
                continue
            writer.line(10, f"- channel: {channel}")
            writer.line(12, f"name: {text(self.title(lang))}")
            if chance() < 0.3:
                writer.line(12, f"url: https://www.example.com/{step_id}/{channel}?utm_source=journey")
            writer.line(12, f"rating: {rating}")
            if chance() < 0.1:
                writer.line(12, "moment_of_truth: true")
        pains: list[str] = []
        if chance() < 0.5:
            writer.line(8, "pain_points:")
            for number in range(self.random.randint(1, 2)):
                pain = f"{step_id}-pain-{number + 1}"
                pains.append(pain)
                writer.line(10, f"- id: {pain}")
                writer.line(12, f"description: {text(self.sentence(lang))}")
                writer.line(12, f"severity: {self.pick(('low', 'medium', 'high', 'critical'))}")
                if chance() < 0.5:
                    writer.line(12, f"source: {text(self.pick(SOURCES))}")
        if pains and chance() < 0.7:
            writer.line(8, "opportunities:")
            writer.line(10, f"- id: {step_id}-fix")
            writer.line(12, f"description: {text(self.sentence(lang))}")
            writer.line(12, f"addresses: [{', '.join(pains)}]")
            writer.line(12, f"priority: {self.pick(('low', 'medium', 'high'))}")
            writer.line(12, f"owner: {text(self.pick(TEAMS))}")
            writer.line(12, f"status: {self.pick(('idea', 'planned', 'in-progress', 'done'))}")
        if chance() < 0.5:
            self.metrics(writer, 8, lang, 1)

    def metrics(self, writer: Writer, indent: int, lang: str, count: int) -> None:
        writer.line(indent, "metrics:")
        for _ in range(count):
            target = round(self.random.uniform(1, 500), self.random.choice((0, 1, 2)))
            writer.line(indent + 2, f"- name: {text(self.title(lang))}")
            writer.line(indent + 4, f"target: {target:g}")
            if self.random.random() < 0.7:
                writer.line(indent + 4, f"actual: {round(target * self.random.uniform(0.7, 1.3), 1):g}")
            writer.line(indent + 4, f"unit: {json.dumps(self.pick(UNITS), ensure_ascii=False)}")
            writer.line(indent + 4, f"direction: {self.pick(('increase', 'decrease'))}")
            writer.line(indent + 4, f"source: {text(self.pick(SOURCES))}")
            writer.line(indent + 4, f"owner: {text(self.pick(TEAMS))}")

    def typical_journey(self, ident: str, shared_personas: list[str]) -> str:
        stage_count = self.random.randint(4, 7)
        steps_per_stage = [self.random.randint(3, 8) for _ in range(stage_count)]
        return self.journey(ident, shared_personas, stage_count, steps_per_stage)


def typical_files(count: int, seed: int) -> Iterator[tuple[str, str]]:
    """(relative path, text) for `count` files: journeys and the persona files they share."""
    author = Author(seed)
    persona_count = max(1, count // PERSONA_EVERY)
    persona_ids = [f"persona-{number:05d}" for number in range(persona_count)]
    for ident in persona_ids:
        yield f"personas/{ident}.yaml", author.persona_file(ident)
    for number in range(count - persona_count):
        shared = author.random.sample(persona_ids, author.random.randint(0, min(2, persona_count)))
        team = f"team-{number % 20:02d}"
        yield f"{team}/journey-{number:05d}.yaml", author.typical_journey(f"journey-{number:05d}", shared)


def big_journey(steps: int, seed: int) -> str:
    """One journey of exactly `steps` steps over 7 stages, with inline personas only."""
    author = Author(seed)
    stage_count = 7
    per_stage = [steps // stage_count + (1 if index < steps % stage_count else 0) for index in range(stage_count)]
    return author.journey(f"big-journey-{steps}", [], stage_count, per_stage)


def write_corpus(root: Path, file_counts: tuple[int, ...], step_counts: tuple[int, ...]) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "small.yaml").write_text(Author(SEED).typical_journey("small-journey", []), encoding="utf-8")
    for count in file_counts:
        folder = root / f"files-{count}"
        for relative, content in typical_files(count, SEED + count):
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    for steps in step_counts:
        (root / f"steps-{steps}.yaml").write_text(big_journey(steps, SEED + steps), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only the smaller sizes")
    parser.add_argument("--out", type=Path, default=CORPUS, help="where to write (default: benchmarks/corpus)")
    options = parser.parse_args()
    files, steps = (QUICK_FILE_COUNTS, QUICK_STEP_COUNTS) if options.quick else (FILE_COUNTS, STEP_COUNTS)
    write_corpus(options.out, files, steps)
    print(f"wrote {options.out}")


if __name__ == "__main__":
    main()
