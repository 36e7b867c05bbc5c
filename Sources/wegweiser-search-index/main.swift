// A small command for the search benchmark and the search fixtures: builds an
// index from a JSON corpus, or prints the tokens of lines of text. Not part of
// the site build (that goes through `wegweiser build`).
//
//   wegweiser-search-index index CORPUS.json OUTDIR [--max-single-bytes N] [--dictionary WORDLIST]
//   wegweiser-search-index tokens < lines.txt     (prints "text<TAB>tokens")
//   wegweiser-search-index split WORDLIST < words.txt (prints "word<TAB>parts")

import Foundation
import WegweiserSearch

struct Corpus: Decodable {
    var vocabularies: SearchVocabularies
    var documents: [SearchDocument]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "index":
    guard arguments.count >= 3 else {
        fail("usage: index CORPUS.json OUTDIR [--max-single-bytes N] [--dictionary WORDLIST]")
    }
    var layout = SearchIndexLayout()
    if let flag = arguments.firstIndex(of: "--max-single-bytes"), flag + 1 < arguments.count,
       let bytes = Int(arguments[flag + 1]) {
        layout.maxSingleFileBytes = bytes
    }
    var dictionary: CompoundDictionary?
    if let flag = arguments.firstIndex(of: "--dictionary"), flag + 1 < arguments.count {
        guard let words = try? String(contentsOfFile: arguments[flag + 1], encoding: .utf8) else {
            fail("cannot read word list \(arguments[flag + 1])")
        }
        dictionary = CompoundDictionary(wordList: words)
    }
    let corpus: Corpus
    do {
        corpus = try JSONDecoder().decode(Corpus.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    } catch {
        fail("cannot read corpus \(arguments[1]): \(error)")
    }
    let output = URL(fileURLWithPath: arguments[2])
    let files = SearchIndex.files(
        for: corpus.documents, vocabularies: corpus.vocabularies, layout: layout, dictionary: dictionary)
    for path in files.keys.sorted() {
        let url = output.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try files[path]!.write(to: url)
    }
    print("\(files.count) files")
case "tokens":
    while let line = readLine() {
        print(line + "\t" + Tokenizer.tokens(line).joined(separator: " "))
    }
case "split":
    guard arguments.count == 2, let words = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
        fail("usage: split WORDLIST < words.txt")
    }
    let dictionary = CompoundDictionary(wordList: words)
    while let line = readLine() {
        print(line + "\t" + dictionary.parts(of: line).joined(separator: " "))
    }
default:
    fail("usage: wegweiser-search-index index CORPUS.json OUTDIR | tokens | split WORDLIST")
}
