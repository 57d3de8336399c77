"""Shared lexicons and patterns: one home for cue verbs, titles, number words,
casualty nouns. Each section is owned by the stage named in its header."""

# --- quotes & speakers ---
# Owned by components/extract/quotes.py and speakers.py. Reporting-verb list after textacy's
# ``constants.REPORTING_VERBS`` and the Gender Gap Tracker's quote-verb list, extended with the
# belief/claim verbs PolNeAR annotates as attributions.
CUE_VERBS: frozenset[str] = frozenset(
    """
    say tell add state declare stress emphasise emphasize remark observe acknowledge argue accuse
    warn vow insist believe highlight voice call report claim note explain assert affirm announce
    admit allege answer agree ask caution charge comment complain concede conclude confirm contend
    deny describe disclose dispute estimate recall recount repeat reply respond reveal reiterate
    suggest testify tweet write predict promise pledge point urge maintain mention propose posit
    quip scoff shout blast slam decry mock hail deride brand label dub characterize characterise refer
    portray yell whisper cry exclaim boast brag lament acknowledge counter retort underline
    underscore indicate signal hint concur inform assure reassure blame criticize criticise
    condemn praise denounce question speculate worry fear think feel know hope expect say
    demand threaten order tout predict forecast caution muse joke read continue exhort
    find show learn discover realize realise recognize recognise doubt wonder suspect acknowledge
    """.split()
)
# verbs of intention and desire that PolNeAR annotates as attributions of a plan or wish
# ("X wants to ...", "X plans to ..."): content is their "to"-infinitive; they never attach a
# quotation by proximity alone (only one that sits inside that content)
CUE_INTENT_VERBS: frozenset[str] = frozenset(
    {"want", "plan", "seek", "intend", "refuse", "decline", "decide", "offer", "vow", "pledge", "promise",
     "threaten", "agree", "hope", "expect", "wish", "prefer", "propose", "demand", "urge", "ask", "call"}
)
# verbs whose direct object is the content of an attribution ("Clinton cited the remarks",
# "X endorsed Y's campaign", "a poll shows Clinton ahead"), used when no clause complement exists;
# "support"/"back" are left out (as often material help as a stated position), as is "aim" above
# (a purpose, not a statement)
CUE_OBJECT_CONTENT_VERBS: frozenset[str] = frozenset(
    {"cite", "propose", "endorse", "oppose", "demand", "question", "reject", "mention", "discuss",
     "defend", "criticize", "criticise", "attack", "praise", "announce", "deny", "acknowledge", "show",
     "reveal", "invoke", "dispute", "predict", "recommend", "welcome", "applaud", "condemn", "denounce", "blast",
     "slam", "tout", "disclose", "echo", "concede", "admit", "confirm", "promise", "pledge", "blame", "accuse",
     "mock", "promote", "suggest"}
)
# nouns that report speech or belief; with a "that"-clause (or a "to"-infinitive) as content and a
# possessor or "by"/"from" phrase as source: "Trump's claim that ...", "a pledge by X to ..."
CUE_NOUNS: frozenset[str] = frozenset(
    """
    claim assertion argument allegation statement warning promise suggestion belief view insistence
    contention accusation remark comment pledge vow prediction fear hope concern demand plan proposal
    decision announcement admission acknowledgment acknowledgement denial threat charge criticism
    assessment conclusion position complaint call request recommendation estimate expectation intention
    """.split()
)
# reporting verbs that may have no source when passive with an expletive subject ("it was reported that")
CUE_PASSIVE_VERBS: frozenset[str] = frozenset(
    {"report", "say", "announce", "claim", "allege", "believe", "expect", "estimate", "rumor", "rumour",
     "confirm", "reveal", "disclose", "suggest", "understand", "know", "fear", "predict", "argue", "note"}
)
# verbs whose object is the accused/praised party and whose content is an "of"/"for" complement
CUE_OBJECT_PREP_VERBS: frozenset[str] = frozenset(
    {"accuse", "blame", "criticize", "criticise", "praise", "condemn", "denounce", "charge", "thank", "fault"}
)
# verbs of appeal whose "for"/"on" phrase is the content ("called for an inquiry", "called on X to resign")
CUE_APPEAL_VERBS: frozenset[str] = frozenset({"call", "push", "press", "appeal"})
# verbs whose direct object is the addressee ("told ABC News")
CUE_AUDIENCE_VERBS: frozenset[str] = frozenset({"tell", "inform", "assure", "reassure", "warn", "remind", "brief", "ask", "urge"})
# common nouns (lemmas) that can be the addressee of such a verb ("told reporters"), beside names,
# pronouns and GROUP_HEAD_NOUNS
AUDIENCE_NOUNS: frozenset[str] = frozenset(
    """
    reporter journalist press media audience crowd lawmaker legislator supporter student delegate
    parliament congress senate committee panel council conference assembly gathering rally meeting
    viewer listener reader interviewer investigator court jury judge member colleague ally partner
    ambassador envoy minister counterpart leader official donor voter worker employee staff soldier troop
    """.split()
)
# cue lemmas that only count when a quotation (not a bare clause) is attached
CUE_QUOTE_ONLY: frozenset[str] = frozenset(
    {"describe", "write", "tweet", "ask", "shout", "yell", "cry", "order", "demand", "label", "dub", "brand",
     "characterize", "characterise", "refer", "deride", "praise", "blast", "slam", "denounce", "decry", "mock", "hail",
     "portray", "depict", "thank", "read", "continue"}
)
# verbs that characterise someone with a quoted label: content = object + "as ..." phrase
CUE_DESCRIBE_VERBS: frozenset[str] = frozenset(
    {"call", "describe", "label", "dub", "brand", "characterize", "characterise", "refer", "deride", "praise", "blast", "slam", "denounce", "decry", "mock", "hail", "portray", "depict"}
)
# dashes that introduce a byline attribution after a quote: “...” ― Name
BYLINE_DASHES = "―—–-"
# person titles and role words stripped from names ("Dr.", "President", "Defence Minister")
TITLE_WORDS: frozenset[str] = frozenset(
    """
    dr dr. doctor mr mr. mrs mrs. ms ms. miss prof prof. professor sir dame lord lady rev rev. reverend
    father sister brother imam rabbi sheikh president vice prime minister premier chancellor secretary
    deputy assistant foreign defence defense interior finance justice health education home state
    general gen gen. lt lt. col col. colonel major maj maj. captain capt capt. sgt sgt. sergeant lieutenant
    admiral commander chief officer police senator sen sen. rep rep. representative congressman
    congresswoman governor gov gov. mayor councillor councilor alderman judge justice coach king queen
    prince princess pope cardinal bishop ambassador envoy spokesman spokeswoman spokesperson
    chairman chairwoman chair ceo director head leader speaker inspector superintendent constable
    detective commissioner sheriff attorney national security advisor adviser senior fellow
    economist analyst editor correspondent reporter
    brig brig. brigadier adm adm. cpl cpl. corporal pvt pvt. cmdr cmdr. cdr cdr. amb amb. supt supt.
    insp insp. spc spc. pfc pfc. atty atty. hon hon. gens gens.
    """.split()
)
# nouns of a statement the content may hang on ("said in a statement that ...")
STATEMENT_NOUNS: frozenset[str] = frozenset(
    "statement interview briefing post letter speech address report communique message tweet video".split()
)
# generational suffixes after a surname ("Lloyd J. Austin III", "Martin Luther King Jr.")
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})
# words that open a sentence and never follow a name's initial ("on X. He said"): pronouns, determiners
SENTENCE_OPENERS: frozenset[str] = frozenset(
    "He She They It We I The This That These Those His Her Their Its Our But And".split()
)
# rank and office abbreviations kept as one token with their period (spaCy's English exceptions
# already have Gen., Gov., Sen., Rep., Adm., Prof., Rev., Jr.)
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Cmdr.", "Cdr.", "Amb.", "Supt.", "Insp.",
    "Spc.", "Pfc.", "Atty.", "Hon.", "Gens.", "Sr.",
)
# honorifics: never a role
HONORIFICS: frozenset[str] = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame", "rev", "doctor", "professor"})
# subject pronouns and the speaker kinds they can refer to
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "i"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "we", "them"})
NON_SPEAKER_PRONOUNS: frozenset[str] = frozenset({"it", "this", "that", "there", "which", "what", "who", "you", "these", "those"})
# head nouns that make a noun phrase an organisation, a group of people, or a document
ORG_HEAD_NOUNS: frozenset[str] = frozenset(
    """
    house kremlin pentagon ministry government department agency office services service police army
    military navy council commission committee party campaign company corporation firm bank
    authority authorities administration parliament congress senate court union embassy newspaper
    network station channel institute institution university organisation organization foundation
    group association federation board spokesman secretariat cabinet presidency palace headquarters
    command force forces coalition alliance team club league
    """.split()
)
GROUP_HEAD_NOUNS: frozenset[str] = frozenset(
    """
    officials sources residents experts analysts witnesses critics observers diplomats lawmakers
    leaders people voters supporters activists investigators authorities officers doctors
    scientists researchers economists source official aides advisers advisors insiders democrats
    republicans members others many some
    """.split()
)
DOCUMENT_HEAD_NOUNS: frozenset[str] = frozenset(
    """
    census report survey poll study data statement document documents filing records figures
    statistics estimate estimates analysis memo letter review audit release website records
    """.split()
)
# common nouns that can be the source of a statement beyond the lists above ("a narrator", "the ad")
SOURCE_NOUN_SUFFIXES: tuple[str, ...] = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "ant", "eur")
NOT_SOURCE_NOUNS: frozenset[str] = frozenset(
    {"matter", "number", "order", "power", "border", "factor", "error", "chapter", "water", "paper", "corner",
     "quarter", "center", "centre", "character", "manner", "answer", "layer", "sector", "behavior", "behaviour",
     "honor", "favor", "labor", "terror", "mirror", "color", "floor", "door", "rumor", "humor", "vigor", "summer",
     "winter", "november", "october", "september", "december", "ember", "meaning", "plan", "woman's"}
)
SOURCE_MEDIA_NOUNS: frozenset[str] = frozenset(
    {"ad", "article", "letter", "video", "tweet", "post", "book", "memo", "email", "message", "website", "site",
     "newspaper", "magazine", "editorial", "column", "op-ed", "campaign", "show", "broadcast", "spot", "narrator",
     "ruling", "decision", "complaint", "lawsuit", "indictment", "verdict", "opinion", "judgment", "order", "brief",
     "note", "notice", "text", "transcript", "caption", "headline", "story", "piece", "essay", "speech"}
)
# seats of government and similar metonyms: organisation -> ISO 3166-1 alpha-2
ORG_COUNTRY: dict[str, str] = {
    "white house": "US", "pentagon": "US", "state department": "US", "capitol hill": "US",
    "kremlin": "RU", "downing street": "GB", "elysee": "FR", "élysée": "FR", "elysee palace": "FR",
    "zhongnanhai": "CN", "blue house": "KR", "quai d'orsay": "FR", "bundestag": "DE",
}
# acronyms expanded for organisations
ORG_EXPANSIONS: dict[str, str] = {
    "eu": "European Union", "un": "United Nations", "nato": "NATO", "who": "World Health Organization",
    "imf": "International Monetary Fund", "icc": "International Criminal Court",
}
# transcript labels that are captions or headings, not speakers ("TEXT: ...")
NON_SPEAKER_LABELS: frozenset[str] = frozenset(
    """
    text caption graphic graphics source sources note notes update editor's editors photo video audio
    watch read related see also subscribe advertisement ad title headline subtitle summary background
    correction clarification disclaimer credit credits image chart map table figure date time location
    dateline tags tag category link links share email follow warning tl;dr tldr
    """.split()
)
INTERVIEWER_LABELS: frozenset[str] = frozenset({"q", "question", "interviewer", "host", "moderator"})
# grammatical gender of third-person pronouns, to skip antecedents the article already marked otherwise
PRONOUN_GENDER: dict[str, str] = {"she": "f", "her": "f", "hers": "f", "herself": "f", "he": "m", "him": "m", "his": "m", "himself": "m"}
# heads of definite descriptions that name a person mentioned before ("The minister said")
DEFINITE_TITLE_NOUNS: frozenset[str] = frozenset(
    """minister president chancellor premier senator governor mayor ambassador envoy general commander
    king queen pope secretary diplomat""".split()
)
# relational nouns: not a role ("Her Russian counterpart Sergei Lavrov")
RELATIONAL_NOUNS: frozenset[str] = frozenset(
    "counterpart colleague predecessor successor rival ally friend wife husband son daughter mother father brother sister".split()
)
# turn labels that stand for the interviewee ("A:" after "Q:"): the person the introduction names
ANSWER_LABELS: frozenset[str] = frozenset({"a", "answer"})
# nouns that mark a person in an introduction as the one asking ("our correspondent Anna Reid")
JOURNALIST_NOUNS: frozenset[str] = frozenset(
    {"correspondent", "reporter", "journalist", "interviewer", "host", "editor", "anchor", "presenter", "moderator", "writer"}
)
# a wire dateline opening a paragraph (matched from the line start, verbose regex): a place in
# capitals ("BRUSSELS", "NEW YORK", "ST. LOUIS") or in title case followed by a country/state or a
# parenthesis ("Kyiv, Ukraine —", "Brussels (Reuters) -"); then an optional ", Country/State", an
# optional date ("Oct. 3", "14 February 2024"), an optional parenthesis ("(Reuters)", "(Jan. 25, 2013)") and a dash.
# The dash may be missing only after a parenthesis following a place in capitals; a capital or quotation mark follows. A dateline is never a speaker or quote content.
DATELINE_PATTERN = r"""
(?:
  (?P<caps>
    [A-Z][A-Z.'’\-]*[A-Z.](?:[^\S\n]+[A-Z][A-Z.'’\-]*[A-Z.]){0,3}(?![a-z])
    (?:,[^\S\n]*[A-Z][A-Za-z.'’\-]*(?:[^\S\n]+[A-Z][A-Za-z.'’\-]*){0,2})?
    (?:,?[^\S\n]*(?:[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?|\d{1,2}[^\S\n]+[A-Z][a-z]{2,8}\.?(?:[^\S\n]+\d{4})?))?
  )
|
  [A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+){0,2}
  (?=,[^\S\n]*(?:[A-Z]|\d{1,2}[^\S\n]+[A-Z][a-z]{2,8})|[^\S\n]*\()
  (?:,[^\S\n]*[A-Z][A-Za-z.'’\-]*(?:[^\S\n]+[A-Z][A-Za-z.'’\-]*){0,2})?
  (?:,?[^\S\n]*(?:[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?|\d{1,2}[^\S\n]+[A-Z][a-z]{2,8}\.?(?:[^\S\n]+\d{4})?))?
)
(?:
  [^\S\n]*\([^()\n]{1,40}\)[^\S\n]*(?(caps)(?:(?:—|–|―|--|-)[^\S\n]*)?|(?:—|–|―|--|-)[^\S\n]*)
|
  [^\S\n]*(?:—|–|―|--|-)[^\S\n]+
)
(?=[A-ZÀ-Þ“"‘'])
"""

# --- places & casualties ---
# Owned by components/extract/places.py and casualties.py.
# Names that look like places in a gazetteer but, in news, are organisations, seats of government
# used for their occupants, outlets, or the political "West" (compared after gazetteer.normalise).
NON_PLACE_NAMES: frozenset[str] = frozenset(
    n.strip()
    for n in """
    white house|kremlin|pentagon|downing street|capitol hill|capitol|state department|elysee|elysee palace|
    zhongnanhai|blue house|quai d'orsay|bundestag|whitehall|wall street|silicon valley|hollywood|
    west|east|north|south|global south|global north|western|eastern|
    nato|eu|un|who|cnn|bbc|reuters|washington post|new york times|fox news|al jazeera|interfax|
    tass|ria novosti|xinhua|
    """.split("|")
) - {""}
# words after a name that make it a first-level area ("Helmand province", "Kharkiv region")
ADMIN_SUFFIXES: frozenset[str] = frozenset(
    {"province", "provinces", "region", "oblast", "state", "governorate", "prefecture", "county", "district", "territory", "emirate"}
)
# compass adjectives that may precede a place name inside an entity ("Eastern China", "southern
# Ukraine", "North-Western Sydney"); the place itself is what follows them
COMPASS_WORDS: frozenset[str] = frozenset(
    """north south east west northern southern eastern western central northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern north-east north-west south-east
    south-west north-eastern north-western south-eastern south-western""".split()
)
# nouns that make the next "of X" a named area ("the Indonesian island of Java")
AREA_NOUNS: frozenset[str] = frozenset({"island", "islands", "peninsula", "archipelago"})
# nouns that make the next "of X" a settlement ("the city of Aleppo")
CITY_NOUNS: frozenset[str] = frozenset(
    {"city", "town", "village", "port", "capital", "suburb", "municipality", "hamlet", "community",
     "cities", "towns", "villages", "communities"}
)
# prepositions that announce a location ("near Saint John", "in Detroit")
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "near", "at", "from", "to", "into", "outside", "around", "across", "towards", "toward", "throughout", "across", "via", "through"}
)
# nouns after which "on X" / "against X" names the place hit ("a missile strike on Odesa",
# "the attack on Kharkiv"), compared with the lower-cased word
ATTACK_NOUNS: frozenset[str] = frozenset(
    """strike strikes airstrike airstrikes attack attacks assault assaults raid raids offensive
    bombardment bombardments bombing bombings shelling barrage barrages onslaught""".split()
)
# words before a name that make it the first-level area, not its namesake city ("upstate New York")
ADMIN_PREFIX_WORDS: frozenset[str] = frozenset({"upstate", "downstate"})
# offices after a name that make it the first-level area ("New York Governor Andrew Cuomo")
ADMIN_OFFICE_NOUNS: frozenset[str] = frozenset({"governor", "governors", "governorship", "legislature", "statehouse"})
# month and weekday names that the gazetteer also knows as towns ("August", "March")
CALENDAR_WORDS: frozenset[str] = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# nouns that a preceding place name only modifies ("Reston ebolavirus", "Hong Kong flu")
NAME_MODIFIED_NOUNS: frozenset[str] = frozenset(
    """flu influenza virus ebolavirus fever strain variant syndrome disease times post herald
    tribune journal roundabout junction intersection crossing street road avenue boulevard square
    bridge highway checkpoint""".split()
)
# number words (cardinals) and multipliers for casualty counts
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "couple": 2, "pair": 2, "both": 2,
}
NUMBER_MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# vague quantities and the lower bound they keep (qualifier "vague")
VAGUE_COUNTS: dict[str, int] = {
    "several": 2, "multiple": 2, "numerous": 2, "few": 2, "many": 2, "dozens": 24, "scores": 40,
    "hundreds": 200, "thousands": 2000, "tens": 20,
}
# casualty trigger lemmas by category
KILL_LEMMAS: frozenset[str] = frozenset({"kill", "killing", "die", "dead", "death", "fatality", "slay", "massacre", "execute", "behead", "murder", "toll", "body", "killed"})
INJURE_LEMMAS: frozenset[str] = frozenset({"injure", "wound", "hurt", "injury", "injured", "wounded", "maim"})
MISSING_LEMMAS: frozenset[str] = frozenset({"missing", "unaccounted"})
# nouns for people who can be casualties (the counted head noun must be one of these, a numeral,
# a pronoun-like "others", or a demonym/group); anything else ("homes", "days") is not a count
PERSON_NOUNS: frozenset[str] = frozenset(
    """
    people person persons man men woman women child children boy boys girl girls baby babies infant
    infants teenager teenagers adult adults civilian civilians resident residents villager villagers
    soldier soldiers troop troops serviceman servicemen servicemember servicemembers officer officers
    policeman policemen police guard guards member members worker workers passenger passengers
    crew crewman crewmen sailor sailors pilot pilots driver drivers student students pupil pupils
    patient patients victim victims other others fighter fighters militant militants insurgent
    insurgents rebel rebels terrorist terrorists gunman gunmen attacker attackers bomber bombers
    leader leaders commander commanders facilitator facilitators official officials journalist
    journalists reporter reporters doctor doctors nurse nurses staff employee employees pedestrian
    pedestrians protester protesters demonstrator demonstrators prisoner prisoners inmate inmates
    migrant migrants refugee refugees tourist tourists pilgrim pilgrims worshipper worshippers
    family families relative relatives miner miners firefighter firefighters shooter suspect suspects
    assailant assailants hostage hostages individual individuals citizen citizens national nationals
    marine marines personnel casualty casualties fatality fatalities life lives body bodies player
    players spectator spectators fan fans customer customers shopper shoppers farmer farmers
    associate associates operative operatives combatant combatants enemy commuter commuters
    """.split()
)
# nouns that make the killed/injured person the attacker, counted apart from victims
PERPETRATOR_NOUNS: frozenset[str] = frozenset(
    {"gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "shooter", "bomber", "bombers", "hijacker", "hijackers", "perpetrator", "perpetrators"}
)
# causes, most specific first (matched on lower-cased sentence text, word-bounded, never before a hyphen, optional
# plural "s"); a (phrase, label) pair reports the label
CASUALTY_CAUSES: tuple = (
    ("opened fire", "gunfire"), ("small-arms fire", "gunfire"), ("small arms fire", "gunfire"), "drone attack", "drone strike", "missile strike", "missile attack", "rocket attack", "air strike",
    "airstrike", "air raid", "suicide bombing", "suicide attack", "car bomb", "roadside bomb",
    "improvised explosive device", "ied", "artillery fire", "mortar fire", "shelling", "bombing",
    "explosion", "blast", "shooting", "gunfire", "stabbing", "ambush", "raid", "fire", "crash",
    "collision", "earthquake", "flood", "flooding", "landslide", "storm", "hurricane", "typhoon",
    "cyclone", "stampede",
    # a weapon named without "strike"/"attack" ("a missile hit an apartment block", "fired 100 missiles")
    ("missile", "missile strike"), ("rocket", "rocket attack"), ("drone", "drone attack"), ("mortar", "mortar fire"),
    ("artillery", "artillery fire"), ("bomb", "bombing"),
    "attack", "strike",
)
# causes of CASUALTY_CAUSES (their labels) that are natural disasters or accidents; every other named
# cause is an attack or armed violence (the map's colours by cause keep the two apart, and deaths with
# no cause named, which include those of disease outbreaks, apart from both)
DISASTER_CAUSES: frozenset[str] = frozenset(
    """fire crash collision earthquake flood flooding landslide storm hurricane typhoon cyclone stampede""".split()
)
# animals: a count of these is never a casualty count ("thousands of birds have been killed",
# "1,600 turkeys died", "270 swine deaths"), compared with the lower-cased word and its lemma
NON_HUMAN_NOUNS: frozenset[str] = frozenset(
    """animal animals bird birds poultry fowl fowls chicken chickens hen hens duck ducks goose geese
    swan swans turkey turkeys pig pigs hog hogs swine boar boars sow sows piglet piglets cattle cow cows
    calf calves bull bulls ox oxen sheep lamb lambs goat goats horse horses donkey donkeys camel camels
    dog dogs cat cats mink minks deer fish livestock flock flocks herd herds bat bats monkey monkeys
    rat rats mouse mice rodent rodents mosquito mosquitoes""".split()
)
# words that make a count hypothetical, projected or a planning figure, not an event: ancestors
# of the casualty word ("has the potential to kill about 1,400", "prepared to handle only 48,000
# deaths", "320,000 deaths is projected") -- compared with the lemma and the word
HYPOTHETICAL_HEADS: frozenset[str] = frozenset(
    """potential capable prepare prepared handle project projected projection predict forecast
    scenario simulate simulation""".split()
)
# a toll stated for the whole world or for many countries at once (regular expression, matched
# case-insensitively on the sentence): no single place, not an event
GLOBAL_TOLL_PATTERN: str = (
    r"\b(?:worldwide|world-wide|globally|around the (?:world|globe)|across the (?:world|globe)|"
    r"(?:throughout|all over) the world|in \d+ countries|\d+ countries and territories)\b"
)
# words that mark a number as not a count of people: ages, durations, things
NON_COUNT_FOLLOWERS: frozenset[str] = frozenset(
    """year years day days week weeks month months hour hours minute minutes decade decades
    century centuries percent per cent km kilometres kilometers miles metres meters""".split()
)
