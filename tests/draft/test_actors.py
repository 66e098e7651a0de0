"""Actors in an article (``timeline.draft.actors``): names, titles, kinds, aliases, matching."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.draft.actors import (
    across_articles,
    actor_named,
    coreferent,
    entity_mentions,
    find_actors,
    load_actor_lexicon,
    load_coreference,
    matches,
    mentions_entity,
    normal_key,
    read_actor_lexicon,
    same_actor,
)
from timeline.draft.candidate import Actor, ActorKind
from timeline.errors import RuleTableError

LEXICON = load_actor_lexicon()


def _actors(text: str) -> list[Actor]:
    """The text's actors in the order they are first mentioned."""
    seen: dict[int, Actor] = {}
    for mention in find_actors(text):
        seen.setdefault(id(mention.actor), mention.actor)
    return list(seen.values())


def _row(actor: Actor) -> str:
    return f"{actor.name}|{actor.kind.value}|{actor.title or '-'}"


@pytest.mark.parametrize("example", LEXICON.examples, ids=lambda e: e["text"][:40])
def test_actors_toml_examples(example: dict[str, Any]) -> None:
    actors = _actors(example["text"])
    assert [_row(a) for a in actors] == example["actors"]
    by_name = {a.name: a for a in actors}
    for name, aliases in example.get("aliases", {}).items():
        for alias in aliases:
            assert by_name[name].named_by(alias), (name, alias, by_name[name].aliases)
            assert matches(alias, by_name[name]), (name, alias)
    names = {a.name for a in actors} | {alias for a in actors for alias in a.aliases}
    for word in example.get("not_actors", []):
        assert word not in names


def _by_text(text: str) -> dict[str, Actor]:
    """Each mention's words -> its actor."""
    return {m.text: m.actor for m in find_actors(text)}


# -- names and titles ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mention", "name", "title"), [
    ("President Emmanuel Macron spoke.", "President Emmanuel Macron", "Emmanuel Macron",
     "President"),
    ("It was Prime Minister Keir Starmer who came.", "Prime Minister Keir Starmer",
     "Keir Starmer", "Prime Minister"),
    ("They met Secretary-General Antonio Guterres there.", "Secretary-General Antonio Guterres",
     "Antonio Guterres", "Secretary-General"),
    ("Russia's foreign minister Sergei Lavrov said so.", "Sergei Lavrov", "Sergei Lavrov",
     "Foreign Minister"),
    ("Apple chief executive Steve Jobs spoke.", "Steve Jobs", "Steve Jobs", "Chief Executive"),
    ("Apple CEO Steve Jobs spoke.", "CEO Steve Jobs", "Steve Jobs", "CEO"),
    ("Then-President Joe Biden left.", "Then-President Joe Biden", "Joe Biden", "President"),
    ("The Ukrainian Deputy Foreign Minister Mariana Betsa spoke.",
     "Deputy Foreign Minister Mariana Betsa", "Mariana Betsa", "Deputy Foreign Minister"),
    ("Treasury Secretary Scott Bessent said it.", "Treasury Secretary Scott Bessent",
     "Scott Bessent", "Treasury Secretary"),
    ("They quoted Sen. John Curtis on it.", "Sen. John Curtis", "John Curtis", "Sen."),
    ("We saw Ursula von der Leyen and Charles de Gaulle.", "Ursula von der Leyen",
     "Ursula von der Leyen", None),
    ("Syria's Bashar al-Assad fled.", "Bashar al-Assad", "Bashar al-Assad", None),
])
def test_titles_and_names(text: str, mention: str, name: str, title: str | None) -> None:
    actor = _by_text(text)[mention]
    assert (actor.name, actor.title) == (name, title)
    if title is not None:
        assert actor.kind is ActorKind.PERSON
        assert actor.display == f"{title} {name}"


def test_a_title_before_an_organisation_is_part_of_its_name() -> None:
    actors = _by_text("The Justice Department and the General Assembly and King Abdullah "
                      "University replied.")
    assert {a.name: a.kind for a in actors.values()} == {
        "Justice Department": ActorKind.ORGANISATION,
        "General Assembly": ActorKind.ORGANISATION,
        "King Abdullah University": ActorKind.ORGANISATION}


def test_a_title_alone_names_the_one_person_holding_it() -> None:
    text = "President Vladimir Putin spoke. Later the President left."
    mentions = find_actors(text)
    assert [m.text for m in mentions] == ["President Vladimir Putin", "President"]
    assert mentions[0].actor is mentions[1].actor
    # Two presidents: "the President" is neither.
    two = find_actors("President Vladimir Putin met President Donald Trump. The President left.")
    assert [m.text for m in two] == ["President Vladimir Putin", "President Donald Trump"]


# -- kinds ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("The Security Council met.", "Security Council", ActorKind.ORGANISATION),
    ("He joined Apple Inc. in 1997.", "Apple Inc.", ActorKind.ORGANISATION),
    ("Then NATO replied.", "NATO", ActorKind.ORGANISATION),
    ("Then the U.N. replied.", "U.N.", ActorKind.ORGANISATION),
    ("A deal with the Bank of England was near.", "Bank of England", ActorKind.ORGANISATION),
    ("The G7 met.", "G7", ActorKind.ORGANISATION),
    ("Sales of the iPod rose.", "iPod", ActorKind.OTHER),
    ("A new iPhone 3G went on sale.", "iPhone 3G", ActorKind.OTHER),
    ("Songs from the iTunes Store sold.", "iTunes Store", ActorKind.ORGANISATION),
    ("They flew to Russia.", "Russia", ActorKind.COUNTRY),
    ("Russian forces advanced.", "Russian", ActorKind.COUNTRY),
    ("Troops left the Democratic Republic of the Congo.", "Democratic Republic of the Congo",
     ActorKind.COUNTRY),
    ("He toured Eastern Europe.", "Eastern Europe", ActorKind.OTHER),
])
def test_kinds(text: str, mention: str, kind: ActorKind) -> None:
    assert _by_text(text)[mention].kind is kind


@pytest.mark.parametrize(("text", "country"), [
    ("The U.S. voted no.", "United States"),
    ("They said America would pay.", "United States"),
    ("American officials left.", "United States"),
    ("Britain and the UK are one.", "United Kingdom"),
    ("British troops stayed.", "United Kingdom"),
    ("The Russian Federation objected.", "Russia"),
    ("He met the Chinese envoy.", "China"),
    ("Talks in Bosnia and Herzegovina ended.", "Bosnia and Herzegovina"),
    ("The People's Republic of China objected.", "China"),
    ("The U.S.-led coalition left.", "United States"),
    ("Talks between Washington and Moscow resumed.", "United States"),
])
def test_countries_by_any_form_or_demonym(text: str, country: str) -> None:
    actors = [m.actor for m in find_actors(text)]
    assert actors[0].name == country and actors[0].kind is ActorKind.COUNTRY
    assert actors[0].key == country.lower()


def test_a_hyphenated_pair_of_countries_is_two() -> None:
    assert [m.actor.name for m in find_actors("The Russia-Ukraine war went on.")] == [
        "Russia", "Ukraine"]


# -- what is not an actor ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The vote was close.",
    "On Monday the talks began.",
    "In February 2022 it started; by May 2025 it had not ended.",
    "But nobody came. However, it rained. Meanwhile, prices rose.",
    "Negotiations are going very well, they said.",
    "It was said on Tuesday, Sept. 14.",
    "I am having serious discussions.",
])
def test_no_actor_in_common_capitals_months_and_weekdays(text: str) -> None:
    assert find_actors(text) == []


def test_a_sentence_capital_counts_when_the_article_capitalises_the_word_elsewhere() -> None:
    text = "Trump said so. Later, Trump left."
    assert [m.text for m in find_actors(text)] == ["Trump", "Trump"]
    assert find_actors("Negotiations went well.") == []


def test_a_name_never_crosses_clause_punctuation() -> None:
    text = "Besides Ukraine, Russia voted; France (and Britain) did not."
    assert [m.text for m in find_actors(text)] == ["Ukraine", "Russia", "France", "Britain"]


def test_of_joins_only_after_a_head() -> None:
    text = "President Vladimir Putin of Russia met the Secretary of State."
    names = [m.actor.name for m in find_actors(text)]
    assert names[:2] == ["Vladimir Putin", "Russia"]


def test_a_month_inside_a_name_is_part_of_it() -> None:
    mentions = find_actors("Prime Minister Theresa May spoke in May 2017.")
    assert [m.text for m in mentions] == ["Prime Minister Theresa May"]


def test_title_case_headings_name_only_what_the_prose_names() -> None:
    text = "US Policy Shift on Ukraine Conflict\nThe US voted with Russia on Ukraine."
    names = {m.actor.name for m in find_actors(text)}
    assert names == {"United States", "Russia", "Ukraine"}


# -- aliases ----------------------------------------------------------------------------

def test_surnames_join_the_full_name_before_or_after() -> None:
    mentions = find_actors("Macron arrived. President Emmanuel Macron met Mr. Macron's aide.")
    assert len({id(m.actor) for m in mentions}) == 1
    assert mentions[0].actor.name == "Emmanuel Macron"
    assert mentions[0].actor.kind is ActorKind.PERSON


def test_a_family_name_first_joins_a_titled_name() -> None:
    mentions = find_actors("President Xi Jinping spoke. Xi said so.")
    assert mentions[0].actor is mentions[1].actor


def test_acronym_and_expansion_by_convention_and_by_initials() -> None:
    text = ("The United Nations met. Then the UN and the U.N. spoke. The International "
            "Energy Agency (IEA) said the IEA would report.")
    actors = {m.text: m.actor for m in find_actors(text)}
    assert actors["UN"] is actors["U.N."] is actors["United Nations"]
    assert actors["IEA"] is actors["International Energy Agency"]
    assert actors["UN"].key == "united nations"


def test_partial_organisation_names_after_the_full_one() -> None:
    text = ("The UN General Assembly voted. The Assembly and the General Assembly met. "
            "The Security Council met; the Council agreed.")
    actors = {m.text: m.actor for m in find_actors(text)}
    assert actors["Assembly"] is actors["General Assembly"] is actors["UN General Assembly"]
    assert actors["Council"] is actors["Security Council"]
    assert actors["Council"] is not actors["Assembly"]


def test_a_partial_name_before_the_full_one_stays_apart() -> None:
    actors = {m.text: m.actor for m in find_actors("The Assembly met. The UN General "
                                                   "Assembly voted.")}
    assert actors["Assembly"] is not actors["UN General Assembly"]


def test_a_company_with_and_without_its_suffix() -> None:
    mentions = find_actors("Apple Inc. sued. Apple won.")
    assert mentions[0].actor is mentions[1].actor
    assert mentions[0].actor.key == "apple"


def test_keys_agree_across_articles() -> None:
    one = find_actors("The U.N. Security Council met.")[0].actor
    two = find_actors("The United Nations Security Council met.")[0].actor
    three = find_actors("The UN Security Council met.")[0].actor
    assert one.key == two.key == three.key == "united nations security council"
    assert normal_key("the U.S.") == normal_key("America") == "united states"


def test_models_with_numbers_are_different_products() -> None:
    mentions = find_actors("The iPhone 4 replaced the iPhone 3G, not the iPod.")
    assert [m.actor.name for m in mentions] == ["iPhone 4", "iPhone 3G", "iPod"]
    assert len({id(m.actor) for m in mentions}) == 3


# -- matching ----------------------------------------------------------------------------

@pytest.mark.parametrize(("entity", "name", "expected"), [
    ("Macron", "Emmanuel Macron", True),
    ("President Macron", "Emmanuel Macron", True),
    ("emmanuel macron", "Emmanuel Macron", True),
    ("Emmanuel Macron", "Macron", True),
    ("Brigitte Macron", "Emmanuel Macron", False),
    ("the U.N.", "United Nations", True),
    ("UN", "UN General Assembly", True),
    ("General Assembly", "UN General Assembly", True),
    ("UN General Assembly", "General Assembly", True),
    ("Security Council", "UN General Assembly", False),
    ("U.S.", "United States", True),
    ("American", "United States", True),
    ("Russia", "Belarus", False),
    ("iPhone 4", "iPhone 4", True),
    ("iPhone 4", "iPhone 3G", False),
    ("iPhone", "iPhone 4", False),
    ("iPod", "iPod", True),
    ("iTunes store", "iTunes Store", True),
    ("Beatles Apple Corps", "Apple Corps", True),
    ("Beatles Apple Corps", "Apple Inc.", False),
    ("Apple", "Apple Inc.", True),
    ("Steve Jobs", "Steve Jobs", True),
    ("Jobs", "Steve Jobs", True),
    ("Steve Jobs", "Steve Ballmer", False),
    ("", "Steve Jobs", False),
])
def test_matches(entity: str, name: str, expected: bool) -> None:
    assert matches(entity, actor_named(name)) is expected


def test_entity_mentions_of_an_article() -> None:
    text = "Steve Jobs unveiled the iPhone 4. Jobs said the iPhone 3G would stay."
    assert [m.text for m in entity_mentions("Steve Jobs", text)] == ["Steve Jobs", "Jobs"]
    assert [m.text for m in entity_mentions("iPhone 4", text)] == ["iPhone 4"]
    assert mentions_entity("jobs", text) and not mentions_entity("iPod", text)


# -- laws -------------------------------------------------------------------------------

_NAMES = ["Emmanuel Macron", "Keir Starmer", "Xi Jinping", "Ursula von der Leyen",
          "Steve Jobs", "Antonio Guterres"]
_TITLES = ["President", "Prime Minister", "Mr.", "Secretary-General", "CEO", ""]
_ORGS = ["UN General Assembly", "Security Council", "Apple Inc.", "NATO", "U.N.",
         "European Union", "Bank of England", "iTunes Store", "G7"]
_PLACES = ["Russia", "the U.S.", "Britain", "French", "American", "Ukraine", "Moscow"]
_THINGS = ["iPod", "iPhone 4", "iPhone 3G", "Mac OS X"]


@st.composite
def _articles(draw: st.DrawFn) -> str:
    """Sentences about people, organisations, places and products, in any order."""
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["person", "surname", "org", "place", "thing"]))
        if kind == "person":
            title = draw(st.sampled_from(_TITLES))
            subject = f"{title} {draw(st.sampled_from(_NAMES))}".strip()
        elif kind == "surname":
            subject = draw(st.sampled_from(_NAMES)).split()[-1]
        elif kind == "org":
            subject = "the " + draw(st.sampled_from(_ORGS))
        elif kind == "place":
            subject = draw(st.sampled_from(_PLACES))
        else:
            subject = "the " + draw(st.sampled_from(_THINGS))
        verb = draw(st.sampled_from(["said it would wait", "met on Monday", "voted in May",
                                     "left, and nobody came"]))
        sentence = f"{subject} {verb}."
        sentences.append(sentence[0].upper() + sentence[1:])
    return " ".join(sentences)


@settings(max_examples=150, deadline=None)
@given(_articles())
def test_an_actor_answers_to_its_name_and_every_alias_in_any_case(text: str) -> None:
    for mention in find_actors(text):
        actor = mention.actor
        for form in [actor.name, actor.display, *actor.aliases]:
            assert matches(form, actor), (form, actor)
            assert matches(form.upper(), actor) and matches(form.lower(), actor)
        assert actor.named_by(actor.name)


@settings(max_examples=150, deadline=None)
@given(_articles(), st.sampled_from(_NAMES + _ORGS + _PLACES + _THINGS + ["Jobs", "the UN"]))
def test_matching_ignores_case(text: str, entity: str) -> None:
    for mention in find_actors(text):
        verdict = matches(entity, mention.actor)
        assert matches(entity.upper(), mention.actor) is verdict
        assert matches(entity.lower(), mention.actor) is verdict


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _articles(), st.text(alphabet="Aa .,'-&\n()U.S", max_size=200)))
def test_mentions_are_sorted_spans_of_the_text_sharing_actors(text: str) -> None:
    mentions = find_actors(text)
    assert [m.span for m in mentions] == sorted(m.span for m in mentions)
    by_key: dict[str, Actor] = {}
    for mention in mentions:
        start, end = mention.span
        assert text[start:end] == mention.text and mention.text.strip() == mention.text
        assert mention.actor.name and mention.actor.key == mention.actor.key.strip()
        # One participant, one actor: equal keys in one article are one object.
        assert by_key.setdefault(mention.actor.key, mention.actor) is mention.actor


def test_a_megabyte_of_capitalised_words_is_read() -> None:
    # Hostile input: one run of capitalised words, and one of titles and initials. The
    # reading is linear (benchmarks measure it); this checks it ends and finds no name in
    # a run no name is that long.
    text = "Aaa Bbb " * 70_000 + ". " + "President J. " * 40_000
    mentions = find_actors(text)
    assert all(len(m.text) < 200 for m in mentions)


def test_a_company_by_its_own_name_after_the_full_one() -> None:
    mentions = find_actors("Apple Computer sued. Later Apple won, and the NPD Group said "
                           "NPD would check.")
    actors = {m.text: m.actor for m in mentions}
    assert actors["Apple"] is actors["Apple Computer"]
    assert actors["NPD"] is actors["NPD Group"]


def test_an_organisation_named_with_a_word_more_or_less() -> None:
    store = actor_named("iTunes Music Store")
    assert matches("iTunes store", store) and matches("the iTunes Store", store)
    assert not matches("App Store", store)


def test_a_sentence_capital_on_a_common_word_is_no_part_of_a_name() -> None:
    text = "Current PowerPC chips are slow. The current PowerPC line ends."
    assert {m.actor.name for m in find_actors(text)} == {"PowerPC"}


def test_a_dotted_country_then_a_name_is_two_names() -> None:
    text = "Sales rose in the U.S. Jobs said so; Steve Jobs smiled."
    assert [m.actor.name for m in find_actors(text)] == ["United States", "Steve Jobs",
                                                          "Steve Jobs"]


def test_a_regnal_name_is_no_surname() -> None:
    # A king is called by his given name: "King Hussein" of Jordan is not Saddam Hussein.
    actors = _by_text("Saddam Hussein invaded. King Hussein of Jordan objected.")
    assert actors["Saddam Hussein"] is not actors["King Hussein"]


def test_initials_inside_a_name_even_a_and_i() -> None:
    actors = _by_text("Secretary of State James A. Baker III said it. Baker left.")
    assert actors["Baker"] is actors["Secretary of State James A. Baker III"]
    assert actors["Baker"].name == "James A. Baker III"


def test_contractions_of_stop_words_are_no_names() -> None:
    assert [m.text for m in find_actors("I'm Sachi Koto. We're here.")] == ["Sachi Koto"]


def test_a_plural_possessive_inside_a_name() -> None:
    actors = _by_text("The German People's Union met. Russia's Foreign Ministry replied.")
    assert actors["German People's Union"].kind is ActorKind.ORGANISATION
    assert actors["German People's Union"].name == "German People's Union"
    assert actors["Russia"].kind is ActorKind.COUNTRY
    assert actors["Foreign Ministry"].kind is ActorKind.ORGANISATION


def test_a_short_name_of_two_companies_joins_the_nearest_only() -> None:
    text = ("Apple Corps sued Apple Computer. Apple Corps said Apple had agreed. "
            "Apple Computer said Apple would appeal.")
    mentions = find_actors(text)
    corps, computer = mentions[0].actor, mentions[1].actor
    assert corps is not computer
    assert [m.actor is corps for m in mentions] == [True, False, True, True, False, False]


def test_a_given_name_two_people_share_joins_nobody() -> None:
    text = "CEO Steve Ballmer met Steve Jobs. Steve smiled."
    actors = _by_text(text)
    assert actors["Steve"] is not actors["CEO Steve Ballmer"]


def test_a_company_name_ends_at_its_suffix() -> None:
    assert [m.actor.name for m in find_actors("Apple Inc. Steve Jobs spoke.")] == [
        "Apple Inc.", "Steve Jobs"]


def test_a_company_name_shared_with_a_suffixed_one_is_ambiguous() -> None:
    text = "Apple Inc. settled with Apple Corps. Apple Corps said Apple would pay."
    actors = [m.actor for m in find_actors(text)]
    assert actors[0] is not actors[1] and actors[1] is actors[2]


def test_the_docstring_examples_run() -> None:
    import doctest

    import timeline.draft.actors as module

    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(("name", "expected"), [
    ("President Emmanuel Macron", ("Emmanuel Macron", "person", "President")),
    ("Emmanuel Macron", ("Emmanuel Macron", "person", None)),
    ("the UN General Assembly", ("UN General Assembly", "organisation", None)),
    ("U.S.", ("United States", "country", None)),
    ("iPhone 4", ("iPhone 4", "other", None)),
    ("Mr. Jobs", ("Jobs", "person", "Mr.")),
])
def test_an_actor_from_a_bare_name(name: str, expected: tuple[str, str, str | None]) -> None:
    actor = actor_named(name)
    assert (actor.name, actor.kind.value, actor.title) == expected


def test_same_actor_across_articles() -> None:
    one = find_actors("President Emmanuel Macron spoke.")[0].actor
    two = find_actors("Macron spoke. Macron left.")[0].actor
    assert one.key != two.key and same_actor(one, two) and same_actor(two, one)
    assert not same_actor(one, actor_named("Brigitte Macron"))
    assert same_actor(actor_named("UN"), find_actors("The U.N. met.")[0].actor)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_NAMES + _ORGS + _PLACES + _THINGS + ["Jobs", "Macron", "UN"]),
                min_size=2, max_size=2))
def test_same_actor_is_symmetric_and_reflexive(names: list[str]) -> None:
    a, b = (actor_named(n) for n in names)
    assert same_actor(a, a) and same_actor(a, b) is same_actor(b, a)


def test_a_given_name_alone_joins_the_one_person_it_begins() -> None:
    actors = _by_text('Steve Jobs resigned. "Steve will stay on the board," they said.')
    assert actors["Steve"] is actors["Steve Jobs"]
    actors = _by_text("North Carolina voted. The North won.")
    assert actors["North"] is not actors["North Carolina"]


def _table(**change: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"titles": {"titles": ["President"]},
                            "countries": {"France": {"demonyms": ["French"]}}}
    for key, value in change.items():
        table, _, field = key.partition("__")
        if field:
            data.setdefault(table, {})[field] = value
        else:
            data[table] = value
    return data


@pytest.mark.parametrize(("change", "message"), [
    ({"colours": {}}, r"unknown tables \['colours'\]"),
    ({"names": []}, "names: expected a table"),
    ({"names__stop": "the"}, "names.stop: expected a list of strings"),
    ({"titles__titles": []}, "titles.titles: expected at least one title"),
    ({"countries__Chad": []}, "countries.Chad: expected a table"),
    ({"countries__Chad": {"capital": 3}}, "countries.Chad.capital: expected a string"),
    ({"countries__Chad": {"flag": "x"}}, r"countries.Chad: unknown keys \['flag'\]"),
    ({"countries__Chad": {"forms": [""]}}, "countries.Chad: an empty name"),
    ({"organisations__abbreviations": {"UN": 1}}, "organisations.abbreviations.UN: expected"),
])
def test_a_broken_actors_table_names_its_entry(change: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleTableError, match=f"actors.toml: {message}"):
        read_actor_lexicon(_table(**change))


def test_a_small_actors_table_reads() -> None:
    lexicon = read_actor_lexicon(_table())
    assert lexicon.places[("French",)] == "France" and lexicon.titles[("president",)]


def test_a_description_makes_a_person_without_a_title() -> None:
    actor = _by_text("Russian leader Vladimir Putin spoke.")["Vladimir Putin"]
    assert (actor.kind, actor.title, actor.display) == (ActorKind.PERSON, None,
                                                        "Vladimir Putin")
    actor = _by_text("Spokesman Pete Williams said so.")["Pete Williams"]
    assert (actor.kind, actor.title) == (ActorKind.PERSON, None)


def _corpus_actors(*texts: str) -> list[Actor]:
    out: dict[int, Actor] = {}
    for text in texts:
        for mention in find_actors(text):
            out.setdefault(id(mention.actor), mention.actor)
    return list(out.values())


def test_across_articles_the_fullest_name_stands_for_each_participant() -> None:
    actors = _corpus_actors("Macron spoke. Mr. Macron left.", "President Emmanuel Macron met "
                            "the UN General Assembly.", "The General Assembly voted; the "
                            "U.S. abstained.", "The United States voted.")
    unified = across_articles(actors)
    assert unified["macron"] is unified["emmanuel macron"]
    assert unified["macron"].display == "President Emmanuel Macron"
    assert "Mr. Macron" in unified["macron"].aliases
    assert unified["general assembly"] is unified["united nations general assembly"]
    assert unified["united states"].kind is ActorKind.COUNTRY


def test_across_articles_a_surname_two_people_share_stays_apart() -> None:
    actors = [actor_named(n) for n in ("Macron", "Emmanuel Macron", "Brigitte Macron")]
    unified = across_articles(actors)
    assert unified["macron"].name == "Macron"
    assert unified["emmanuel macron"] is not unified["brigitte macron"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_NAMES + _ORGS + _PLACES + _THINGS + [
    "Jobs", "Macron", "General Assembly", "Assembly", "President Macron", "Brigitte Macron"]),
    max_size=8), st.randoms())
def test_across_articles_does_not_depend_on_order(names: list[str], rng: Any) -> None:
    actors = [actor_named(n) for n in names]
    shuffled = list(actors)
    rng.shuffle(shuffled)
    one, two = across_articles(actors), across_articles(shuffled)
    assert one.keys() == two.keys() == {a.key for a in actors}
    assert all(one[k] == two[k] for k in one)


# --- coreference (issue 14) -----------------------------------------------------------------


@pytest.mark.parametrize("example", load_coreference().examples, ids=lambda e: e["text"][:40])
def test_coreference_toml_examples(example: dict[str, Any]) -> None:
    text = example["text"]
    named = find_actors(text)
    found = find_actors(text, coreference=True)
    added = [m for m in found if m not in named]
    assert [f"{m.text}|{m.actor.name.rstrip('.')}" for m in added] == example["refers"]
    for mention in added:  # the referent is the very actor of a named mention
        assert any(mention.actor is m.actor for m in found if m in named)
        assert text[mention.span[0]:mention.span[1]] == mention.text


def test_coreference_is_off_by_default_and_keeps_every_named_mention() -> None:
    text = "Jo Smith founded Acme Corp. in 1990. She sold it in 2001."
    named = find_actors(text)
    assert [m.text for m in named] == ["Jo Smith", "Acme Corp."]
    found = find_actors(text, coreference=True)
    assert [m.text for m in found] == ["Jo Smith", "Acme Corp.", "She", "it"]
    assert found == sorted(found, key=lambda m: m.span)


def test_a_referent_lies_within_reach() -> None:
    """A pronoun far from any name refers to nothing: news names a participant again."""
    filler = " The weather was fine." * (load_coreference().reach + 1)
    text = "Jo Smith spoke on Monday." + filler + " She left."
    assert [m.text for m in coreferent(text, find_actors(text))] == ["Jo Smith"]


def test_no_referent_of_the_wrong_kind() -> None:
    """"he" never refers to a company, "the company" never to a person."""
    text = "Acme Corp. sued on Monday. He said the company had lost."
    found = coreferent(text, find_actors(text))
    assert [(m.text, m.actor.name) for m in found] == [
        ("Acme Corp.", "Acme Corp."), ("the company", "Acme Corp.")]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Jo Smith", "Acme Corp.", "he", "she", "it", "its", "they",
                                 "the company", "the store", "said", "sold", ".", ","]),
                max_size=30))
def test_coreference_only_adds_mentions_of_named_actors(words: list[str]) -> None:
    text = " ".join(words)
    named = find_actors(text)
    found = find_actors(text, coreference=True)
    assert all(m in found for m in named)
    actors = {id(m.actor) for m in found if m in named}
    assert all(id(m.actor) in actors for m in found)
    assert all(text[m.span[0]:m.span[1]] == m.text for m in found)
