// German names of the languages an offer can be given in (ISO 639-1).

public enum Languages {
    public static func name(of code: String) -> String? { names[code] }

    private static let names: [String: String] = [
        "ar": "Arabisch", "bg": "Bulgarisch", "bs": "Bosnisch", "cs": "Tschechisch", "da": "Dänisch",
        "de": "Deutsch", "el": "Griechisch", "en": "Englisch", "es": "Spanisch", "fa": "Persisch",
        "fi": "Finnisch", "fr": "Französisch", "he": "Hebräisch", "hi": "Hindi", "hr": "Kroatisch",
        "hu": "Ungarisch", "hy": "Armenisch", "it": "Italienisch", "ja": "Japanisch", "ka": "Georgisch",
        "ku": "Kurdisch", "lt": "Litauisch", "lv": "Lettisch", "mk": "Mazedonisch", "nl": "Niederländisch",
        "no": "Norwegisch", "pl": "Polnisch", "ps": "Paschtu", "pt": "Portugiesisch", "ro": "Rumänisch",
        "ru": "Russisch", "sk": "Slowakisch", "sl": "Slowenisch", "so": "Somali", "sq": "Albanisch",
        "sr": "Serbisch", "sv": "Schwedisch", "ta": "Tamil", "ti": "Tigrinya", "tr": "Türkisch",
        "uk": "Ukrainisch", "ur": "Urdu", "vi": "Vietnamesisch", "zh": "Chinesisch",
    ]
}
