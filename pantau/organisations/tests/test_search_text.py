"""How the directory reads text (issue 19): lower case, accents off, punctuation a space; the
query's words each once; abbreviations tagged in a document."""

from pantau.organisations.search import MAX_WORDS, holds_a_word, normalise, tags, words


def test_text_is_lower_case_without_accents_or_punctuation():
    assert normalise("Pemutakhiran DTKS/DTSEN (Sosíal)") == "pemutakhiran dtks dtsen sosial"
    assert normalise("  KTP-el,   Kartu Keluarga  ") == "ktp el kartu keluarga"
    assert normalise("Ĳzin Ⅳ") == "ijzin iv"  # compatibility forms decomposed too
    assert normalise("—") == ""


def test_query_words_are_kept_once_and_at_most_eight():
    assert words("Surat SURAT domisili") == ["surat", "domisili"]
    assert len(words(" ".join(f"kata{n}" for n in range(20)))) == MAX_WORDS


def test_a_document_is_tagged_with_the_abbreviations_it_holds():
    assert tags(" loket dinas sosial ") == "_dinsos "
    assert tags(" rekomendasi kartu indonesia pintar ") == "_kip _pip "
    assert tags(" kantor bkkbn ") == ""  # "kk" is looked for at the start of a word
    assert tags(" layanan kk ") == "_kk "


def test_the_python_twin_matches_like_the_database():
    assert holds_a_word("Rekomendasi Kartu Indonesia Pintar", "KIP")
    assert holds_a_word("Surat keterangan domisili", "ktp domisil")
    assert not holds_a_word("Kantor BKKBN", "kk")
    assert not holds_a_word("Surat keterangan domisili", "ktp")
