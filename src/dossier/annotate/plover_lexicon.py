"""Trigger words for PLOVER event types, as small tables a reader can check against the codebook.

Every entry maps a lemma (lower case) to `(TYPE, mode)`; the mode is one of the codebook's modes
for that type, or None. Three kinds of table, tried in this order by `plover.py`:

1. `VERB_OBJECT`: a verb whose meaning depends on its object ("sign an agreement" is SUPPORT,
   "lift a curfew" CONCEDE, "lift a blockade" RETREAT, "withdraw troops" RETREAT but "withdraw
   aid" SANCTION). An object class is a set of noun lemmas, or one of the markers `ANY` (any
   object), `NO_OBJECT`, `PERSON` (a named person, group or country, or a word for people).
2. `PHRASAL`: verb + particle or preposition ("call on", "blow up", "step down").
3. `VERBS`, `ADJECTIVES` and `NOUNS`: words that trigger on their own.

Verbs in `LIGHT_VERBS` say little themselves ("held talks", "staged a protest", "imposed a
curfew"): they take the type of their object noun and lend it their subject, tense and negation.
"""
from __future__ import annotations

Trigger = tuple[str, "str | None"]

ANY, NO_OBJECT, PERSON = "*any*", "*none*", "*person*"

# --- object classes -------------------------------------------------------------------------
AGREEMENT = {"agreement", "accord", "deal", "treaty", "pact", "memorandum", "mou", "protocol",
             "convention", "charter", "contract", "declaration", "communique", "framework"}
RELATIONS = {"relation", "relations", "tie", "ties", "link", "links", "contact", "contacts"}
SANCTIONS = {"sanction", "sanctions", "embargo", "blockade", "siege", "boycott", "tariff",
             "tariffs"}
RESTRICTIONS = {"ban", "curfew", "restriction", "emergency", "law", "control", "limit",
                "moratorium", "prohibition"}
AID_GOODS = {"aid", "assistance", "grant", "loan", "credit", "fund", "funds", "funding", "money",
             "dollar", "euro", "pound", "shilling", "yen", "food", "medicine", "supply",
             "supplies", "equipment", "relief", "asylum", "vaccine", "shelter", "tent", "grain",
             "flour", "rice", "wheat", "donation", "package", "intelligence", "photograph",
             "weapon", "arm", "arms", "ammunition", "help", "support", "training"}
FORCES = {"troop", "soldier", "force", "army", "unit", "battalion", "brigade", "division",
          "reservist", "warship", "ship", "tank", "aircraft", "jet", "missile", "navy",
          "contingent", "marine", "police", "policeman", "militia", "fighter"}
PEACEKEEPERS = {"peacekeeper", "peacekeeping", "observer", "monitor", "inspector", "mission"}
DIPLOMATS = {"diplomat", "ambassador", "envoy", "attache", "consul", "inspector", "observer",
             "monitor", "staff", "embassy", "mission", "worker", "agency", "ngo"}
CAPTIVES = {"prisoner", "hostage", "detainee", "captive", "national", "soldier", "pow",
            "activist", "journalist", "dissident", "suspect", "sailor", "crew", "body"}
PLACES = {"town", "city", "village", "territory", "area", "region", "base", "airport", "port",
          "province", "district", "hill", "position", "stronghold", "capital", "border",
          "settlement", "camp", "island", "zone", "enclave", "outpost"}
PROPOSALS = {"proposal", "offer", "plan", "call", "appeal", "demand", "request", "ultimatum",
             "invitation", "claim", "allegation", "accusation", "criticism", "report",
             "resolution", "bid", "suggestion", "idea", "condition", "term", "initiative"}
TALKS = {"talk", "talks", "negotiation", "meeting", "summit", "dialogue", "mediation",
         "discussion", "consultation", "conference", "process", "visit"}
CONSULT_OBJECTS = TALKS | {"trip", "tour"}
MEDIA = {"newspaper", "paper", "publication", "station", "website", "broadcaster", "channel",
         "magazine", "radio", "television", "outlet", "daily", "network", "internet"}
ACCESS = {"access", "entry", "delivery", "passage", "corridor", "border", "crossing", "bridge",
          "airspace", "inspector", "observer", "monitor", "aid", "convoy"}
INFORMATION = {"information", "intelligence", "evidence", "data", "expertise", "technology",
               "experience", "knowledge", "file", "record", "document"}
PEOPLE_TO_TAKE_IN = {"refugee", "migrant", "asylum", "seeker", "immigrant", "displaced"}

# Objects that name who is affected, so they stay the event's target.
PARTY_NOUNS = CAPTIVES | DIPLOMATS | PLACES | PEOPLE_TO_TAKE_IN | PEACEKEEPERS
# Heads of fixed prepositional phrases, never an actor: "in response to", "in the wake of".
FIXED_PHRASE_NOUNS = {"response", "retaliation", "protest", "addition", "order", "effort",
                      "attempt", "part", "way", "face", "wake", "light", "view", "spite",
                      "lieu", "bid", "case", "favor", "favour", "support", "defiance",
                      "solidarity", "exchange", "return", "accordance", "line", "behalf"}

# "announced the designation of a Presidential Delegation to Germany to attend ...": naming a
# delegation announces its visit, which is still to come.
DESIGNATING_VERBS = {"designate", "name", "appoint", "announce"}

# --- verbs whose type depends on the object (first matching row wins) -----------------------
VERB_OBJECT: list[tuple[set[str], set[str] | str, Trigger | None]] = [
    ({"sign", "ratify", "finalize", "finalise", "conclude", "initial", "seal", "ink",
      "approve", "endorse", "adopt"}, AGREEMENT, ("SUPPORT", None)),
    # "achieve their Paris Agreement targets": a goal met, no agreement reached
    ({"achieve", "reach", "hit", "meet", "exceed", "miss"}, {"target", "goal", "objective",
                                                            "milestone", "benchmark"}, None),
    ({"reach", "strike", "clinch", "hammer", "broker", "forge", "achieve", "find"},
     AGREEMENT | {"consensus", "understanding", "compromise", "settlement"}, ("AGREE", None)),
    ({"establish", "restore", "resume", "normalize", "normalise", "upgrade", "strengthen",
      "deepen", "improve", "boost", "open"}, RELATIONS, ("SUPPORT", None)),
    # "Presidents Biden and Lula launched the Partnership for Workers' Rights": a joint venture
    ({"launch", "establish", "form", "create", "found", "inaugurate", "set"},
     {"partnership", "alliance", "coalition", "initiative", "dialogue", "forum", "commission",
      "council", "framework", "mechanism", "venture"}, ("COOPERATE", None)),
    ({"break", "sever", "cut", "downgrade", "suspend", "freeze", "end"}, RELATIONS,
     ("SANCTION", "withdraw")),
    ({"lift", "ease", "relax", "end", "remove", "scrap", "suspend", "drop"}, SANCTIONS,
     ("RETREAT", None)),
    ({"lift", "ease", "relax", "end", "remove", "scrap", "shorten", "drop", "rescind", "cancel",
      "revoke", "suspend"}, RESTRICTIONS, ("CONCEDE", None)),
    ({"impose", "slap", "introduce", "tighten", "extend", "implement", "levy", "raise"}, SANCTIONS,
     ("SANCTION", "discontinue")),
    ({"impose", "declare", "institute", "enforce", "introduce", "extend"}, {"curfew"},
     ("COERCE", "curfew")),
    ({"declare"}, {"siege"}, ("COERCE", "martial-law")),
    ({"impose", "declare", "institute", "enforce", "introduce", "extend"}, {"emergency", "law"},
     ("COERCE", "martial-law")),
    ({"impose", "enforce", "introduce", "tighten"}, RESTRICTIONS, ("COERCE", "restrict")),
    ({"declare", "announce"}, {"ceasefire", "truce"}, ("CONCEDE", None)),
    ({"observe", "implement", "respect", "honour", "honor"}, {"ceasefire", "truce"},
     ("RETREAT", "ceasefire")),
    ({"violate", "break", "breach"}, {"ceasefire", "truce"}, ("ASSAULT", None)),
    ({"violate", "defy", "flout", "breach", "ignore", "disregard"}, RESTRICTIONS | {
        "order", "ruling", "resolution", "rule", "norm", "agreement", "decision"},
     ("REJECT", None)),
    ({"open"}, {"fire"}, ("ASSAULT", "firearms")),
    ({"open", "reopen", "re-open"}, ACCESS, ("RETREAT", "access")),
    ({"open", "reopen"}, {"embassy", "consulate", "office"}, ("SUPPORT", None)),
    ({"close", "shut"}, {"embassy", "consulate"}, ("SANCTION", "withdraw")),
    ({"close", "shut", "seal"}, {"border", "crossing", "airspace"},
     ("SANCTION", "discontinue")),
    ({"close", "shut", "suspend", "ban", "block"}, MEDIA, ("COERCE", "censor")),
    ({"share", "exchange", "swap", "pool"}, INFORMATION, ("COOPERATE", None)),
    ({"hold", "use"}, {"shield", "hostage"}, ("ASSAULT", "abduct")),
    ({"take"}, {"hostage"}, ("ASSAULT", "abduct")),
    ({"accept", "meet", "heed", "grant"}, {"demand", "condition", "term", "request"},
     ("CONCEDE", None)),
    ({"accept", "admit", "take", "receive", "welcome", "shelter", "host"}, PEOPLE_TO_TAKE_IN,
     ("AID", None)),
    ({"accept", "welcome", "endorse", "back"}, PROPOSALS | {"mediation"}, ("SUPPORT", None)),
    ({"grant", "give", "offer"}, {"asylum", "refuge"}, ("AID", None)),
    ({"seek", "request", "ask", "apply"}, {"asylum", "refuge", "aid", "assistance", "help",
                                           "loan"}, ("REQUEST", "assist")),
    ({"give", "provide", "send", "deliver", "donate", "grant", "supply", "extend", "airlift",
      "ship", "disburse", "allocate", "release", "approve", "transfer", "channel", "continue",
      "increase"}, AID_GOODS, ("AID", None)),
    ({"grant", "allow", "give", "permit"}, ACCESS, ("RETREAT", "access")),
    ({"grant", "give", "announce", "declare", "offer"}, {"amnesty", "pardon"}, ("CONCEDE", None)),
    ({"grant", "give", "extend"}, {"recognition"}, ("SUPPORT", None)),
    ({"offer", "express", "send", "extend", "convey"}, {"condolence", "sympathy"},
     ("SUPPORT", None)),
    ({"provide"}, ANY, ("AID", None)),
    ({"cancel", "forgive", "write", "waive", "restructure"}, {"debt", "loan", "obligation",
                                                              "arrears"}, ("AID", None)),
    ({"send", "dispatch", "lead"}, {"delegation", "envoy", "emissary"}, ("CONSULT", "visit")),
    (DESIGNATING_VERBS, {"delegation"}, ("CONSULT", "visit")),
    ({"train", "equip", "arm"}, FORCES | {"officer", "rebel", "guard", "recruit"}, ("AID", None)),
    ({"train", "equip", "arm"}, PERSON, ("AID", None)),
    ({"send", "deploy", "dispatch", "station", "contribute"}, {"peacekeeper", "peacekeeping"},
     ("AID", None)),
    ({"send", "dispatch"}, {"inspector", "investigator", "monitor", "observer"},
     ("ACCUSE", "investigate")),
    ({"receive", "admit", "accept", "allow", "welcome"}, {"observer", "inspector", "monitor",
                                                         "peacekeeper"}, ("RETREAT", "access")),
    ({"withdraw", "recall", "pull", "evacuate", "remove"}, DIPLOMATS | PEACEKEEPERS | {"aid",
      "support", "assistance", "funding"}, ("SANCTION", "withdraw")),
    ({"withdraw", "pull", "remove", "evacuate"}, FORCES | PLACES, ("RETREAT", "withdraw")),
    ({"withdraw", "drop", "abandon"}, {"demand", "objection", "claim", "condition", "candidacy"},
     ("CONCEDE", None)),
    ({"evacuate", "rescue", "airlift"}, PERSON, ("AID", None)),
    ({"send", "deploy", "dispatch", "station", "mass", "move", "mobilize", "mobilise",
      "reinforce", "amass", "order"}, {"police", "policeman", "patrol"}, ("MOBILIZE", "police")),
    ({"send", "deploy", "dispatch", "station", "mass", "move", "mobilize", "mobilise",
      "reinforce", "amass"}, {"warship", "ship", "tank", "missile", "aircraft", "jet",
                              "weapon", "submarine", "bomber", "carrier"},
     ("MOBILIZE", "weapons")),
    ({"send", "deploy", "dispatch", "station", "mass", "move", "mobilize", "mobilise",
      "reinforce", "amass", "call", "strengthen", "bolster", "boost", "increase"}, FORCES,
     ("MOBILIZE", "troops")),
    ({"use", "fire"}, {"gas", "cannon", "bullet", "baton", "force", "weapon"}, ("ASSAULT", None)),
    ({"prevent", "ban", "disperse", "forbid", "prohibit", "outlaw", "break"},
     {"demonstration", "protest", "rally", "march", "gathering", "demonstrator", "protester",
      "crowd", "strike"}, ("COERCE", "restrict")),
    ({"pay", "offer", "award"}, {"compensation", "reparation", "reparations", "damages",
                                 "indemnity"}, ("AID", None)),
    ({"mobilize", "mobilise", "rally"}, {"supporter", "protester", "crowd", "follower",
                                         "people", "student", "worker"}, ("PROTEST", "demo")),
    ({"rally"}, {"support", "backing"}, ("SUPPORT", None)),
    ({"release", "free", "return", "hand", "repatriate", "exchange", "swap"}, CAPTIVES,
     ("RETREAT", "release")),
    ({"release", "free"}, PERSON, ("RETREAT", "release")),
    ({"hand"}, AID_GOODS - {"help", "support", "intelligence"}, ("AID", None)),
    ({"hand", "extradite", "deliver", "surrender", "turn"}, {"suspect", "fugitive", "national",
                                                             "criminal", "citizen"},
     ("COOPERATE", None)),
    ({"lay", "hand", "give", "surrender", "turn"}, {"arm", "arms", "weapon", "gun"},
     ("RETREAT", "disarm")),
    ({"hand", "cede", "return", "transfer"}, {"territory", "control", "power", "land", "region",
                                              "area", "province", "island"},
     ("RETREAT", "withdraw")),
    ({"return"}, {"property", "land", "asset", "helicopter", "aircraft", "ship", "vessel",
                  "plane", "artifact", "equipment", "remains"}, ("RETREAT", None)),
    ({"cancel", "postpone", "call", "scrap", "boycott", "snub", "skip"}, CONSULT_OBJECTS,
     ("REJECT", "meet")),
    ({"halt", "stop", "suspend", "end", "freeze", "break", "abandon", "quit"}, TALKS,
     ("SANCTION", "withdraw")),
    ({"halt", "stop", "suspend", "end", "freeze", "cut", "reduce", "cancel", "prohibit", "block",
      "withhold", "slash", "deny"}, AID_GOODS - {"support", "help"}, ("SANCTION", "discontinue")),
    ({"freeze", "seize", "confiscate"}, {"asset", "account", "fund", "property"},
     ("SANCTION", "discontinue")),
    ({"halt", "stop", "end", "cease"}, {"fighting", "hostility", "attack", "offensive",
                                        "bombing", "shelling", "war", "violence"},
     ("RETREAT", "ceasefire")),
    ({"end", "halt", "stop", "call", "suspend"}, {"strike", "protest", "boycott", "blockade",
                                                  "sit-in", "demonstration", "rebellion"},
     ("CONCEDE", None)),
    ({"stop", "halt"}, {"work"}, ("PROTEST", "strike")),
    ({"deny", "refuse", "bar"}, {"entry", "admittance", "access", "visa", "landing"},
     ("REJECT", None)),
    ({"suspend", "cut", "halt", "stop", "cancel", "ban"}, {"flight", "link", "trade", "import",
                                                          "export", "service", "cooperation",
                                                          "membership", "program",
                                                          "programme", "exchange"},
     ("SANCTION", "discontinue")),
    ({"cut", "shut"}, {"power", "electricity", "water", "internet", "supply", "phone", "line"},
     ("COERCE", "withhold")),
    ({"expel", "oust", "order", "kick", "declare"}, DIPLOMATS, ("SANCTION", "expel")),
    ({"expel", "oust", "kick"}, ANY, ("COERCE", "deport")),
    ({"block", "blockade", "barricade", "occupy"}, {"road", "street", "highway", "bridge",
                                                    "railway", "entrance", "traffic",
                                                    "transport", "roadway", "route", "port",
                                                    "rail", "building", "square"},
     ("PROTEST", "obstruct")),
    ({"block", "veto", "stall"}, PROPOSALS | AGREEMENT | {"bill", "motion", "move", "vote",
                                                          "nomination"}, ("REJECT", None)),
    ({"summon", "call"}, DIPLOMATS, ("ACCUSE", "disapprove")),
    ({"capture", "seize", "take", "retake", "overrun", "storm", "occupy", "recapture"},
     PLACES, ("ASSAULT", None)),
    ({"capture", "seize", "take", "detain", "arrest"}, CAPTIVES, ("COERCE", "arrest")),
    ({"capture", "seize", "detain", "arrest"}, PERSON, ("COERCE", "arrest")),
    ({"seize", "confiscate", "impound"}, ANY, ("COERCE", "seize")),
    ({"execute"}, PERSON, ("ASSAULT", "targeted")),
    ({"fire", "launch", "lob"}, {"shell", "missile", "rocket", "round", "mortar", "shot",
                                 "bullet", "grenade", "salvo"}, ("ASSAULT", None)),
    ({"hack"}, ANY, ("COERCE", "cyber")),
    ({"strike"}, NO_OBJECT, ("PROTEST", "strike")),
    ({"strike"}, ANY, ("ASSAULT", None)),
    ({"protest"}, NO_OBJECT, ("PROTEST", "demo")),
    ({"demonstrate"}, ANY, None),   # "demonstrate solidarity": shows, does not march
    # "fight poverty", "combat climate change": no one is attacked
    ({"fight", "combat", "battle", "attack", "tackle", "counter"},
     {"poverty", "hunger", "corruption", "disease", "pandemic", "change", "crisis", "inflation",
      "malaria", "cancer", "disinformation", "misinformation", "trafficking", "crime"}, None),
    # "destroy Syria's remaining chemical weapons stockpiles": disarmament, not an attack
    ({"destroy", "dismantle", "eliminate"}, {"stockpile", "weapon", "arsenal", "warhead",
                                             "munition", "stock"}, ("RETREAT", "disarm")),
    ({"protest"}, ANY, ("ACCUSE", "disapprove")),
    ({"call"}, PERSON, ("CONSULT", "phone")),
    ({"host", "receive", "welcome"}, PERSON, ("CONSULT", "visit")),
    ({"meet"}, {"deadline", "target", "need", "expectation", "standard", "requirement",
                "criterion", "goal", "cost"}, None),
    ({"release", "issue", "free", "return"}, ANY, None),
    ({"receive", "get", "obtain", "secure"}, AID_GOODS, ("AID", None)),
]

# --- verb + particle or preposition ---------------------------------------------------------
PHRASAL: dict[tuple[str, str], Trigger] = {
    ("call", "on"): ("REQUEST", None), ("call", "upon"): ("REQUEST", None),
    ("call", "for"): ("REQUEST", None), ("appeal", "to"): ("REQUEST", None),
    ("blow", "up"): ("ASSAULT", "destroy"), ("beat", "up"): ("ASSAULT", "beat"),
    ("shoot", "down"): ("ASSAULT", "aerial"), ("gun", "down"): ("ASSAULT", "firearms"),
    ("step", "down"): ("RETREAT", "resign"), ("pull", "out"): ("RETREAT", "withdraw"),
    ("pull", "back"): ("RETREAT", "withdraw"), ("back", "down"): ("CONCEDE", None),
    ("crack", "down"): ("COERCE", None), ("round", "up"): ("COERCE", "arrest"),
    ("lock", "up"): ("COERCE", "arrest"), ("shut", "down"): ("COERCE", "restrict"),
    ("force", "out"): ("COERCE", "deport"), ("drive", "out"): ("COERCE", "deport"),
    ("hack", "into"): ("COERCE", "cyber"), ("walk", "out"): ("PROTEST", "strike"),
    ("turn", "down"): ("REJECT", None), ("rule", "out"): ("REJECT", None),
    ("speak", "out"): ("ACCUSE", "disapprove"), ("lash", "out"): ("ACCUSE", "disapprove"),
    ("hand", "over"): ("RETREAT", None), ("fire", "on"): ("ASSAULT", "firearms"),
    ("fire", "at"): ("ASSAULT", "firearms"), ("fire", "into"): ("ASSAULT", "firearms"),
    ("open", "up"): ("SUPPORT", None), ("work", "with"): ("COOPERATE", None),
    ("team", "up"): ("COOPERATE", None), ("sit", "down"): ("CONSULT", None),
    ("return", "to"): None, ("set", "up"): None, ("fly", "to"): ("CONSULT", "visit"),
    ("travel", "to"): ("CONSULT", "visit"), ("arrive", "in"): ("CONSULT", "visit"),
    ("arrive", "at"): ("CONSULT", "visit"), ("go", "to"): None,
    ("stand", "by"): ("SUPPORT", None), ("side", "with"): ("SUPPORT", None),
    ("speak", "with"): ("CONSULT", None),
}

# --- words that trigger on their own --------------------------------------------------------
VERBS: dict[str, Trigger] = {
    # CONSULT
    "meet": ("CONSULT", None), "talk": ("CONSULT", None), "discuss": ("CONSULT", None),
    "confer": ("CONSULT", None), "consult": ("CONSULT", None), "negotiate": ("CONSULT", None),
    "convene": ("CONSULT", None), "visit": ("CONSULT", "visit"), "tour": ("CONSULT", "visit"),
    "phone": ("CONSULT", "phone"), "telephone": ("CONSULT", "phone"),
    "mediate": ("CONSULT", "third-party"), "host": ("CONSULT", None),
    # AGREE
    "agree": ("AGREE", None), "promise": ("AGREE", None), "pledge": ("AGREE", None),
    "vow": ("AGREE", None), "offer": ("AGREE", None), "commit": ("AGREE", None),
    "undertake": ("AGREE", None), "invite": ("AGREE", None), "volunteer": ("AGREE", None),
    "swear": ("AGREE", None), "accept": ("AGREE", None), "propose": ("AGREE", None),
    # SUPPORT
    "praise": ("SUPPORT", None), "commend": ("SUPPORT", None), "endorse": ("SUPPORT", None),
    "welcome": ("SUPPORT", None), "hail": ("SUPPORT", None), "applaud": ("SUPPORT", None),
    "back": ("SUPPORT", None), "support": ("SUPPORT", None), "defend": ("SUPPORT", None),
    "approve": ("SUPPORT", None), "ratify": ("SUPPORT", None), "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None), "forgive": ("SUPPORT", None), "thank": ("SUPPORT", None),
    "congratulate": ("SUPPORT", None), "sign": ("SUPPORT", None),
    # CONCEDE (regret and pardons are concessions in the codebook, not SUPPORT)
    "concede": ("CONCEDE", None), "yield": ("CONCEDE", None), "relent": ("CONCEDE", None),
    "apologize": ("CONCEDE", None), "apologise": ("CONCEDE", None), "regret": ("CONCEDE", None),
    "pardon": ("CONCEDE", None), "acquit": ("CONCEDE", None), "amnesty": ("CONCEDE", None),
    "allow": ("CONCEDE", None), "permit": ("CONCEDE", None), "accede": ("CONCEDE", None),
    "compromise": ("CONCEDE", None), "commute": ("CONCEDE", None),
    # COOPERATE
    "cooperate": ("COOPERATE", None), "co-operate": ("COOPERATE", None),
    "collaborate": ("COOPERATE", None), "partner": ("COOPERATE", None),
    "coordinate": ("COOPERATE", None), "extradite": ("COOPERATE", None),
    "trade": ("COOPERATE", None), "invest": ("COOPERATE", None),
    # AID
    "aid": ("AID", None), "assist": ("AID", None), "help": ("AID", None), "fund": ("AID", None),
    "finance": ("AID", None), "donate": ("AID", None), "rescue": ("AID", None),
    "evacuate": ("AID", None), "shelter": ("AID", None),
    # RETREAT
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "resign": ("RETREAT", "resign"), "quit": ("RETREAT", "resign"),
    "abdicate": ("RETREAT", "resign"), "surrender": ("RETREAT", "disarm"),
    "capitulate": ("RETREAT", "disarm"), "disarm": ("RETREAT", "disarm"),
    "demobilize": ("RETREAT", "disarm"), "demobilise": ("RETREAT", "disarm"),
    "decommission": ("RETREAT", "disarm"), "free": ("RETREAT", "release"),
    "release": ("RETREAT", "release"),
    # REQUEST
    "ask": ("REQUEST", None), "urge": ("REQUEST", None), "demand": ("REQUEST", None),
    "request": ("REQUEST", None), "appeal": ("REQUEST", None), "press": ("REQUEST", None),
    "pressure": ("REQUEST", None), "pressurize": ("REQUEST", None),
    "implore": ("REQUEST", None), "plead": ("REQUEST", None), "petition": ("REQUEST", None),
    "beg": ("REQUEST", None), "seek": ("REQUEST", None), "order": ("REQUEST", None),
    "instruct": ("REQUEST", None), "exhort": ("REQUEST", None), "encourage": ("REQUEST", None),
    "summon": ("REQUEST", None),
    # ACCUSE
    "accuse": ("ACCUSE", "allege"), "blame": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"),
    "indict": ("ACCUSE", "allege"), "sue": ("ACCUSE", "allege"),
    "prosecute": ("ACCUSE", "allege"), "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"), "condemn": ("ACCUSE", "disapprove"),
    "denounce": ("ACCUSE", "disapprove"), "decry": ("ACCUSE", "disapprove"),
    "deplore": ("ACCUSE", "disapprove"), "slam": ("ACCUSE", "disapprove"),
    "blast": ("ACCUSE", "disapprove"), "rebuke": ("ACCUSE", "disapprove"),
    "reprimand": ("ACCUSE", "disapprove"), "censure": ("ACCUSE", "disapprove"),
    "complain": ("ACCUSE", "disapprove"), "chide": ("ACCUSE", "disapprove"),
    "investigate": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"),
    "interrogate": ("ACCUSE", "investigate"), "question": ("ACCUSE", "investigate"),
    # REJECT
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "decline": ("REJECT", None),
    "deny": ("REJECT", None), "rebuff": ("REJECT", None), "spurn": ("REJECT", None),
    "veto": ("REJECT", None), "oppose": ("REJECT", None), "defy": ("REJECT", None),
    "renege": ("REJECT", None), "repudiate": ("REJECT", None), "fail": ("REJECT", None),
    "resist": ("REJECT", None), "dismiss": ("REJECT", None),
    # THREATEN
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None), "menace": ("THREATEN", None),
    # PROTEST
    "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "picket": ("PROTEST", "demo"),
    "boycott": ("PROTEST", "boycott"), "protest": ("PROTEST", "demo"),
    # SANCTION
    "sanction": ("SANCTION", "discontinue"), "suspend": ("SANCTION", "discontinue"),
    "sever": ("SANCTION", "withdraw"), "recall": ("SANCTION", "withdraw"),
    "embargo": ("SANCTION", "discontinue"), "convict": ("SANCTION", "convict"),
    "sentence": ("SANCTION", "convict"), "expel": ("SANCTION", "expel"),
    # MOBILIZE
    "mobilize": ("MOBILIZE", None), "mobilise": ("MOBILIZE", None),
    "deploy": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", None),
    # COERCE
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"),
    "jail": ("COERCE", "arrest"), "imprison": ("COERCE", "arrest"),
    "apprehend": ("COERCE", "arrest"), "confiscate": ("COERCE", "seize"),
    "raid": ("COERCE", "seize"), "censor": ("COERCE", "censor"), "ban": ("COERCE", "restrict"),
    "deport": ("COERCE", "deport"), "evict": ("COERCE", "deport"),
    "occupy": ("COERCE", "seize"), "hack": ("COERCE", "cyber"),
    "blockade": ("COERCE", "restrict"), "outlaw": ("COERCE", "restrict"),
    # ASSAULT
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", "beat"), "kill": ("ASSAULT", None),
    "murder": ("ASSAULT", None), "shoot": ("ASSAULT", "firearms"),
    "bomb": ("ASSAULT", "explosives"), "shell": ("ASSAULT", "heavy-weapons"),
    "bombard": ("ASSAULT", "heavy-weapons"), "invade": ("ASSAULT", None),
    "ambush": ("ASSAULT", None), "massacre": ("ASSAULT", "targeted"),
    "assassinate": ("ASSAULT", "targeted"), "behead": ("ASSAULT", "targeted"),
    "stab": ("ASSAULT", "primitive"), "torture": ("ASSAULT", "torture"),
    "abuse": ("ASSAULT", None),
    "rape": ("ASSAULT", "sexual"), "beat": ("ASSAULT", "beat"),
    "abduct": ("ASSAULT", "abduct"), "kidnap": ("ASSAULT", "abduct"),
    "hijack": ("ASSAULT", "abduct"), "wound": ("ASSAULT", None), "injure": ("ASSAULT", None),
    "fight": ("ASSAULT", None), "clash": ("ASSAULT", None), "destroy": ("ASSAULT", "destroy"),
    "demolish": ("ASSAULT", "destroy"), "raze": ("ASSAULT", "destroy"),
    "torch": ("ASSAULT", "primitive"), "retake": ("ASSAULT", None),
    "overrun": ("ASSAULT", None), "storm": ("ASSAULT", None), "pound": ("ASSAULT", None),
    "airstrike": ("ASSAULT", "aerial"), "strafe": ("ASSAULT", "aerial"),
}

# "is alarmed by", "are appalled at": in the passive, dismay voiced at an act disapproves of it
# (ACCUSE, disapprove); in the active ("the attack alarmed officials") it states nothing.
DISMAY_VERBS = {"alarm", "appall", "appal", "outrage", "dismay", "horrify", "disturb"}

# "is willing to", "is prepared to", "is committed to": an adjective states the commitment.
ADJECTIVES: dict[str, Trigger] = {
    "willing": ("AGREE", None), "ready": ("AGREE", None), "prepared": ("AGREE", None),
    "committed": ("AGREE", None), "determined": ("AGREE", None),
    "unwilling": ("REJECT", None), "opposed": ("REJECT", None),
    "supportive": ("SUPPORT", None), "critical": ("ACCUSE", "disapprove"),
}
# "critical of X" criticises; "critical to advancing our security" does not
ADJECTIVE_PREPOSITION = {"critical": "of"}
# "sought to undermine": the verb says what was attempted; seeking it is no request
ATTEMPT_VERBS = {"seek", "try", "attempt"}
# "allow", "permit": a concession when an actor allows; a thing that allows only enables
ENABLING_VERBS = {"allow", "permit"}

NOUNS: dict[str, Trigger] = {
    "meeting": ("CONSULT", None), "talk": ("CONSULT", None), "talks": ("CONSULT", None),
    "discussion": ("CONSULT", None), "negotiation": ("CONSULT", None),
    "consultation": ("CONSULT", None), "dialogue": ("CONSULT", None),
    "visit": ("CONSULT", "visit"), "trip": ("CONSULT", "visit"), "tour": ("CONSULT", "visit"),
    "summit": ("CONSULT", "multilateral"), "conference": ("CONSULT", None),
    "mediation": ("CONSULT", "third-party"), "call": ("CONSULT", "phone"),
    "promise": ("AGREE", None), "pledge": ("AGREE", None), "offer": ("AGREE", None),
    "commitment": ("AGREE", None), "invitation": ("AGREE", None), "proposal": ("AGREE", None),
    "praise": ("SUPPORT", None), "endorsement": ("SUPPORT", None),
    "recognition": ("SUPPORT", None), "backing": ("SUPPORT", None),
    "condolence": ("SUPPORT", None),
    "apology": ("CONCEDE", None), "amnesty": ("CONCEDE", None), "pardon": ("CONCEDE", None),
    "concession": ("CONCEDE", None),
    "cooperation": ("COOPERATE", None), "co-operation": ("COOPERATE", None),
    "collaboration": ("COOPERATE", None), "partnership": ("COOPERATE", None),
    "extradition": ("COOPERATE", None),
    "aid": ("AID", None), "assistance": ("AID", None), "asylum": ("AID", None),
    "donation": ("AID", None), "relief": ("AID", None), "grant": ("AID", None),
    "loan": ("AID", None),
    "withdrawal": ("RETREAT", "withdraw"), "pullout": ("RETREAT", "withdraw"),
    "retreat": ("RETREAT", "withdraw"), "release": ("RETREAT", "release"),
    "resignation": ("RETREAT", "resign"), "ceasefire": ("RETREAT", "ceasefire"),
    "truce": ("RETREAT", "ceasefire"), "surrender": ("RETREAT", "disarm"),
    "disarmament": ("RETREAT", "disarm"),
    "demand": ("REQUEST", None), "request": ("REQUEST", None), "appeal": ("REQUEST", None),
    "plea": ("REQUEST", None), "petition": ("REQUEST", None),
    "accusation": ("ACCUSE", "allege"), "allegation": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"), "lawsuit": ("ACCUSE", "allege"),
    "criticism": ("ACCUSE", "disapprove"), "condemnation": ("ACCUSE", "disapprove"),
    "complaint": ("ACCUSE", "disapprove"), "investigation": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"), "inquiry": ("ACCUSE", "investigate"),
    "hearing": ("ACCUSE", "investigate"), "trial": ("ACCUSE", "allege"),
    "rejection": ("REJECT", None), "refusal": ("REJECT", None), "veto": ("REJECT", None),
    "threat": ("THREATEN", None), "warning": ("THREATEN", None),
    "ultimatum": ("THREATEN", None),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"),
    "rally": ("PROTEST", "demo"), "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"),
    "strike": ("PROTEST", "strike"), "sit-in": ("PROTEST", "obstruct"),
    "boycott": ("PROTEST", "boycott"), "walkout": ("PROTEST", "strike"),
    "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "suspension": ("SANCTION", "discontinue"), "expulsion": ("SANCTION", "expel"),
    "mobilization": ("MOBILIZE", None), "mobilisation": ("MOBILIZE", None),
    "deployment": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", None),
    "buildup": ("MOBILIZE", "troops"), "alert": ("MOBILIZE", None),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"),
    "curfew": ("COERCE", "curfew"), "crackdown": ("COERCE", None),
    "raid": ("COERCE", "seize"), "censorship": ("COERCE", "censor"),
    "deportation": ("COERCE", "deport"), "confiscation": ("COERCE", "seize"),
    "blockade": ("COERCE", "restrict"), "cyberattack": ("COERCE", "cyber"),
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "bombing": ("ASSAULT", "explosives"),
    "airstrike": ("ASSAULT", "aerial"), "shelling": ("ASSAULT", "heavy-weapons"),
    "fighting": ("ASSAULT", None), "clash": ("ASSAULT", None), "invasion": ("ASSAULT", None),
    "offensive": ("ASSAULT", None), "killing": ("ASSAULT", None),
    "massacre": ("ASSAULT", "targeted"), "ambush": ("ASSAULT", None),
    "cleansing": ("ASSAULT", None),
    "assassination": ("ASSAULT", "targeted"), "kidnapping": ("ASSAULT", "abduct"),
    "abduction": ("ASSAULT", "abduct"), "torture": ("ASSAULT", "torture"),
    "bombardment": ("ASSAULT", "heavy-weapons"),
}

# Noun modifiers that change a noun trigger: ("strike", "hunger") is a hunger strike.
NOUN_MODIFIERS: dict[tuple[str, str], Trigger | None] = {
    ("strike", "hunger"): ("PROTEST", "hunger"), ("strike", "air"): ("ASSAULT", "aerial"),
    ("strike", "missile"): ("ASSAULT", "heavy-weapons"),
    ("strike", "rocket"): ("ASSAULT", "heavy-weapons"),
    ("strike", "drone"): ("ASSAULT", "drone"), ("strike", "military"): ("ASSAULT", None),
    ("law", "martial"): ("COERCE", "martial-law"),
    ("emergency", "state"): ("COERCE", "martial-law"),
    ("call", "phone"): ("CONSULT", "phone"), ("call", "telephone"): ("CONSULT", "phone"),
    ("call", "video"): ("CONSULT", "phone"),
    ("attack", "suicide"): ("ASSAULT", "suicide-attack"),
    ("bombing", "suicide"): ("ASSAULT", "suicide-attack"),
    ("bombing", "car"): ("ASSAULT", "explosives"), ("attack", "cyber"): ("COERCE", "cyber"),
    ("protest", "official"): ("ACCUSE", "disapprove"),
    ("protest", "diplomatic"): ("ACCUSE", "disapprove"),
    ("protest", "formal"): ("ACCUSE", "disapprove"),
    ("protest", "strong"): ("ACCUSE", "disapprove"),
    ("deployment", "peacekeeping"): ("AID", None), ("deployment", "peacekeeper"): ("AID", None),
    ("release", "press"): None, ("release", "news"): None, ("charge", "in"): None,
    ("protest", "in"): None,
}
# Exercises are COOPERATE when joint, MOBILIZE when one side holds them (codebook 3.14.1).
EXERCISES = {"exercise", "drill", "maneuver", "manoeuvre", "game"}
EXERCISE_CUES = {"military", "war", "air", "naval", "joint", "combined", "live-fire"}
JOINT_CUES = {"joint", "combined", "bilateral", "multilateral"}

# Going somewhere is a visit for officials, a deployment for forces ("troops arrived in").
TRAVEL_VERBS = {"arrive", "travel", "fly", "go", "come"}
# "The army prepared to attack": readiness for force short of its use is MOBILIZE.
READINESS_WORDS = {"prepare", "poise", "gear", "ready", "mass"}

# Nouns that carry the event named by their modifier ("a mediation effort", "an aid
# package"); other compounds only describe ("a defence cooperation agreement").
EVENT_CARRIERS = {"effort", "mission", "operation", "campaign", "package", "programme",
                  "program", "process", "bid", "initiative", "drive", "flight", "convoy",
                  "shipment", "team", "force"}

# Nouns that measure out events: "ten days of war games", "a wave of protests".
MEASURE_NOUNS = {"day", "week", "month", "series", "wave", "round", "spate", "string",
                 "number", "series", "lot", "couple", "hour"}

# Slips of the small English model's lemmatizer on verbs that matter here.
LEMMA_FIXES = {"stag": "stage"}

# The head of a meeting's proper name: "the G7 Summit", "the NATO Leaders' Meeting"
NAMED_MEETINGS = {"summit", "meeting", "talks", "conference", "dialogue"}

# Verbs that lend their subject to an event noun ("held talks", "imposed a curfew").
LIGHT_VERBS = {"hold", "have", "stage", "launch", "mount", "conduct", "carry", "make", "take",
               "begin", "start", "continue", "resume", "open", "lodge", "file", "issue",
               "express", "voice", "reiterate", "renew", "repeat", "reaffirm", "extend",
               "announce", "declare", "impose", "give", "deliver", "send", "lead",
               "organize", "organise", "intensify", "escalate", "step", "wage", "engage",
               "participate", "join", "attend", "provide", "grant", "approve", "raise",
               "bring", "pay", "plan", "complete", "finish", "initiate",
               "undertake", "perform", "host", "arrange", "schedule", "convene"}

# The verb is a speech act whose `must`/`should` clause is a demand on someone else.
SPEECH_VERBS = {"say", "state", "announce", "insist", "conclude", "declare", "tell", "stress",
                "argue", "add", "write", "note", "warn", "reiterate", "maintain", "affirm"}

# Governing words that make the action planned rather than done.
PLAN_WORDS = {"plan", "intend", "expect", "hope", "aim", "want", "wish", "schedule", "set",
              "due", "prepare", "likely", "going", "consider", "mull", "propose", "seek",
              "would", "need", "able", "about", "eager", "keen", "intention", "intent"}
PLANNED_MODIFIERS = {"planned", "proposed", "upcoming", "future", "possible", "expected",
                     "scheduled", "forthcoming", "next", "potential", "prospective"}
FUTURE_AUX = {"will", "shall", "would", "'ll", "wo", "could", "may", "might", "can", "should",
              "must", "ought"}
OBLIGATION_AUX = {"must", "should", "ought", "need"}

# Words for people and bodies (an actor when a verb's object names one).
ACTOR_NOUNS = {"government", "official", "leader", "president", "minister", "delegation",
               "people", "rebel", "force", "troop", "soldier", "army", "police", "party",
               "group", "faction", "side", "country", "nation", "state", "authority",
               "administration", "regime", "council", "parliament", "member", "citizen",
               "civilian", "refugee", "prisoner", "hostage", "detainee", "student", "worker",
               "protester", "demonstrator", "militant", "guerrilla", "insurgent", "fighter",
               "journalist", "activist", "diplomat", "ambassador", "envoy", "counterpart",
               "partner", "ally", "neighbor", "neighbour", "candidate", "opposition",
               "community", "court", "judge", "committee", "commission", "agency",
               "organization", "organisation", "union", "movement", "chief", "commander",
               "king", "prince", "emir", "premier", "chancellor", "secretary", "delegate",
               "militia", "militiaman", "settler", "villager", "resident", "national",
               "adviser", "advisor", "officer", "team", "negotiator", "mediator", "monarch"}
ACTOR_ENTITIES = {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"}

# PLOVER contexts (codebook Table 2.1 names) recognised from the sentence's lemmas.
CONTEXT_WORDS: dict[str, set[str]] = {
    "military": {"military", "army", "troop", "soldier", "navy", "naval", "air force",
                 "defence", "defense", "warship", "tank", "artillery", "missile", "weapon",
                 "arm", "arms", "war", "battalion", "general", "armed forces"},
    "intelligence": {"intelligence", "spy", "spying", "espionage"},
    "election": {"election", "vote", "ballot", "poll", "electoral", "candidate", "campaign"},
    "legislative": {"parliament", "parliamentary", "legislature", "congress", "senate",
                    "lawmaker", "legislator", "deputy", "mp"},
    "economic": {"trade", "economy", "economic", "investment", "investor", "loan", "finance",
                 "financial", "tariff", "export", "import", "market", "debt", "budget",
                 "grant", "dollar", "bank", "gdp", "inflation", "business", "credit", "fund",
                 "free-trade", "development"},
    "legal": {"court", "judge", "law", "legal", "lawsuit", "sue", "trial", "tribunal",
              "prosecutor", "extradition", "extradite", "convict", "indict", "judicial"},
    "human rights": {"human rights", "rights abuse", "amnesty international"},
    "reparations": {"reparation", "reparations", "compensation"},
    "rights freedoms": {"freedom", "liberty", "press freedom", "free speech"},
    "diplomatic": {"diplomatic", "diplomat", "embassy", "ambassador", "envoy", "foreign minister",
                   "foreign ministry", "treaty", "summit", "bilateral", "consulate",
                   "negotiation", "talk", "talks", "state department", "mediation"},
    "territory": {"border", "territory", "territorial", "sovereignty", "independence",
                  "annexation", "occupied"},
    "peacekeeping": {"peacekeeper", "peacekeeping", "blue helmet", "observer mission"},
    "health": {"health", "disease", "vaccine", "hospital", "epidemic", "pandemic", "medical",
               "medicine", "outbreak", "clinic", "virus", "covid"},
    "human security": {"food", "water", "shelter", "humanitarian", "famine", "starvation",
                       "housing", "hunger"},
    "asylum": {"asylum"},
    "migration": {"refugee", "migrant", "migration", "displaced", "immigration", "immigrant"},
    "disasters": {"earthquake", "flood", "drought", "cyclone", "hurricane", "disaster",
                  "tsunami", "landslide"},
    "natural resource": {"oil", "gas", "mineral", "mining", "coal", "water", "resource"},
    "environment": {"climate", "environment", "environmental", "pollution", "emission"},
    "technology": {"technology", "digital", "satellite", "semiconductor", "ai"},
    "terrorism": {"terrorist", "terrorism", "terror", "al qaeda", "al-qaeda", "extremist"},
    "cbrn": {"nuclear", "chemical weapon", "biological weapon", "uranium", "enrichment"},
    "cyber": {"cyber", "hack", "hacker", "cyberattack"},
    "misinformation": {"misinformation", "disinformation", "propaganda", "fake news"},
    "crime": {"crime", "criminal", "murder", "theft", "gang"},
    "corruption": {"corruption", "bribery", "bribe", "embezzlement", "graft"},
    "illegal drugs": {"drug", "narcotic", "cocaine", "heroin", "cartel"},
    "trafficking": {"trafficking", "smuggling", "smuggler", "trafficker"},
    "religion ethnicity": {"ethnic", "religious", "muslim", "christian", "tribal", "sectarian"},
}

# ASSAULT modes from the weapons or methods a sentence names (first match wins).
ASSAULT_MODES: list[tuple[str, set[str]]] = [
    ("suicide-attack", {"suicide"}),
    ("unconventional", {"chemical", "biological", "nerve", "sarin"}),
    ("drone", {"drone", "uav"}),
    ("aerial", {"airstrike", "warplane", "helicopter", "jet", "aircraft", "bomber",
                "air strike", "air raid"}),
    ("heavy-weapons", {"shell", "artillery", "tank", "rocket", "missile", "mortar", "shelling"}),
    ("explosives", {"bomb", "explosive", "ied", "mine", "minefield", "grenade", "explosion",
                    "bombing"}),
    ("crowd-control", {"tear gas", "water cannon", "rubber bullet", "baton"}),
    ("firearms", {"gun", "rifle", "gunfire", "gunman", "gunmen", "shoot", "bullet", "pistol"}),
    ("primitive", {"machete", "knife", "axe", "stone", "rock", "arson", "spear", "club"}),
    ("sexual", {"rape", "sexual", "sexually"}),
    ("torture", {"torture", "tortured"}),
]

# The mode a REQUEST or REJECT takes from what was asked for or refused (codebook Table 3.3).
ASKED_MODES = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
               "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield"}
# The mode a THREATEN takes from what was threatened (codebook Table 3.6).
THREAT_MODES = {"SANCTION": "relations", "ASSAULT": "violence", "MOBILIZE": "violence",
                "PROTEST": "restrict", "REJECT": "relations"}
THREAT_MODES_BY_MODE = {"expel": "expel", "deport": "expel", "arrest": "arrest",
                        "curfew": "restrict", "martial-law": "restrict", "restrict": "restrict",
                        "censor": "restrict", "seize": "territory"}
