/// The vocabulary of synthetic pages. Invented names where a real one could mislead.
enum SyntheticWords {
    static let countries = [
        "China", "Russia", "US", "UK", "EU", "Japan", "India", "Iran", "Turkey", "Germany",
        "France", "Poland", "Finland", "Estonia", "Sweden", "Norway", "Taiwan", "Ukraine",
        "Brazil", "Egypt", "Ethiopia", "Serbia", "Hungary", "Australia", "Canada", "Vietnam",
        "Philippines", "Indonesia", "Kazakhstan", "Georgia", "Armenia", "Azerbaijan", "Mali",
        "Nigeria", "Pakistan", "Saudi Arabia", "Qatar", "Mexico", "South Korea", "NATO",
    ]
    static let subjects = [
        "Undersea Cable", "Gas Pipeline", "Chip Export", "Grain Corridor", "Naval Patrol",
        "Sanctions Package", "Arms Sale", "Port Deal", "Rare Earth", "Drone Program",
        "Border Crossing", "Oil Tanker", "Data Centre", "Satellite Launch", "Power Grid",
        "Fishing Fleet", "Rail Link", "Nuclear Plant", "Election Monitor", "Peacekeeping Mission",
        "Visa Regime", "Shipping Lane", "Telecom Vendor", "Wheat Shipment", "Airspace Ban",
        "Embassy Closure", "Trade Pact", "Cyber Attack", "Refugee Camp", "Military Drill",
    ]
    static let verbs = [
        "Warns", "Expands", "Halts", "Probes", "Backs", "Rejects", "Signs", "Suspends",
        "Plans", "Defends", "Targets", "Tightens", "Eases", "Restores", "Condemns", "Unveils",
    ]
    static let concerns = ["Security", "Sabotage", "Espionage", "Supply", "Price", "Legal", "Safety", "Debt"]
    static let reactions = ["Objects", "Responds", "Hesitates", "Retaliates", "Protests", "Waits"]
    static let sources = ["Ministry", "Operator", "Official", "Envoy", "Regulator", "Spokesperson"]
    static let places = [
        "Helsinki", "Tallinn", "Gotland", "Geneva", "Ankara", "Doha", "Singapore", "Astana",
        "Belgrade", "Addis Ababa", "Hanoi", "Manila", "Warsaw", "Vilnius", "Baku", "Tbilisi",
        "Riga", "Oslo", "Cairo", "Brasilia", "Lagos", "Karachi", "Jakarta", "Canberra",
    ]
    static let syllables = [
        "kor", "va", "net", "bal", "tri", "mon", "sel", "ka", "dru", "vin", "os", "lem", "tar",
        "qui", "zen", "ro", "ha", "pel", "mir", "sto",
    ]
    static let firstNames = [
        "Aino", "Dana", "Oliver", "Mikko", "Lena", "Tomas", "Ruth", "Karim", "Yuki", "Priya",
        "Ivan", "Sofia", "Marek", "Elif", "Chen", "Amara", "Jonas", "Farah", "Pedro", "Hana",
    ]
    static let lastNames = [
        "Laakso", "Whitfield", "Strand", "Novak", "Okafor", "Tanaka", "Rahman", "Kovacs",
        "Silva", "Lindqvist", "Haddad", "Petrov", "Mensah", "Ilves", "Moreau", "Ortega",
        "Sato", "Kaur", "Brandt", "Yilmaz",
    ]
    static let roles = [
        "Foreign Minister", "Defence Minister", "Deputy Assistant Secretary", "Navy spokesperson",
        "Energy Minister", "Ambassador", "Coast Guard commander", "Trade Commissioner",
        "Interior Minister", "Prime Minister",
    ]
    /// Common words first: `Random.zipf` draws early ones far more often.
    static let filler = [
        "the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "was", "with", "by",
        "officials", "government", "talks", "week", "security", "minister", "after", "ministry",
        "country", "as", "new", "would", "its", "border", "agreement", "trade", "foreign",
        "military", "statement", "region", "president", "defence", "energy", "sanctions",
        "it", "from", "at", "have", "has", "been", "will", "could", "not", "but", "an",
        "investigators", "vessel", "waters", "operators", "analysts", "diplomats", "meeting",
        "infrastructure", "supply", "damage", "inquiry", "envoy", "delegation", "summit",
        "pressure", "response", "measures", "concerns", "exports", "imports", "shipments",
        "license", "contract", "tender", "negotiators", "parliament", "vote", "coalition",
        "budget", "prices", "markets", "companies", "ports", "routes", "corridor", "patrols",
        "satellite", "signals", "jamming", "anchor", "seabed", "repair", "weeks", "months",
        "deadline", "proposal", "framework", "partners", "allies", "neighbours", "capital",
        "spokesperson", "reporters", "sources", "documents", "evidence", "incident", "crew",
        "cargo", "flag", "insurance", "premiums", "tariffs", "quota", "subsidies", "loans",
        "debt", "investment", "grid", "outage", "drill", "exercise", "missile", "airspace",
        "coastline", "island", "strait", "delta", "dam", "river", "pipeline", "terminal",
        "refinery", "harvest", "drought", "migration", "visa", "embassy", "consulate", "court",
        "ruling", "appeal", "tribunal", "arbitration", "ceasefire", "monitors", "observers",
    ]
    static let tags = [
        "security", "energy", "trade", "diplomacy", "sanctions", "defence", "shipping",
        "technology", "intelligence", "elections", "migration", "climate", "infrastructure",
        "cyber", "food security", "Five Eyes", "Arctic", "Black Sea", "Baltic Sea", "Red Sea",
        "semiconductors", "telecoms", "5G", "pipelines", "undersea cables", "ports",
        "critical minerals", "nuclear", "space", "espionage", "human rights", "refugees",
        "peacekeeping", "terrorism", "piracy", "arms control", "WTO", "G7", "G20", "ASEAN",
        "OPEC", "IMF", "World Bank", "BRICS", "African Union", "Gulf", "Caucasus", "Central Asia",
        "Sahel", "Horn of Africa", "South China Sea", "Indo-Pacific", "Balkans", "Mediterranean",
    ] + (1...240).map { "topic \($0)" }
    static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    static let topChrome = [
        ["Listen Live", "    Get short URL"],
        ["Share", "Tweet", "Subscribe"],
        ["Advertisement", "  Follow us on Telegram"],
        [],
    ]
    static let bottomChrome = [
        "    Community standardsDiscussion",
        "Comments",
        "    Discussion",
        "Community standards",
    ]
}
