// Copyright 2026 The libdiff Authors.

#include <string>

#include <gtest/gtest.h>

#include "extract/meta_language.h"
#include "libdiff/article.h"

namespace libdiff::internal {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(CanonicalLanguageTag, CasesEachSubtagAsBcp47Writes) {
  EXPECT_EQ(CanonicalLanguageTag("en-us"), "en-US");
  EXPECT_EQ(CanonicalLanguageTag("EN-GB"), "en-GB");
  EXPECT_EQ(CanonicalLanguageTag("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(CanonicalLanguageTag("de"), "de");
  EXPECT_EQ(CanonicalLanguageTag("es-419"), "es-419");
  EXPECT_EQ(CanonicalLanguageTag(""), "");
}

TEST(GuessLanguage, ReadsTheFunctionWordsOfLatinScriptLanguages) {
  EXPECT_EQ(GuessLanguage(Repeat("The council said that the new library is open to all and "
                                 "that it was built with care for the town. ", 4)),
            "en");
  EXPECT_EQ(GuessLanguage(Repeat("Der Rat sagte, dass die neue Bibliothek für alle offen ist und "
                                 "dass sie mit Sorgfalt für die Stadt gebaut wurde. ", 4)),
            "de");
  EXPECT_EQ(GuessLanguage(Repeat("Le conseil a dit que la nouvelle bibliothèque est ouverte à "
                                 "tous et qu'elle a été construite avec soin pour la ville et "
                                 "les habitants dans le quartier. ", 4)),
            "fr");
  EXPECT_EQ(GuessLanguage(Repeat("El consejo dijo que la nueva biblioteca está abierta para "
                                 "todos y que fue construida con cuidado por los vecinos del "
                                 "pueblo. ", 4)),
            "es");
  EXPECT_EQ(GuessLanguage(Repeat("Il consiglio ha detto che la nuova biblioteca è aperta a "
                                 "tutti e che è stata costruita con cura per la città, anche "
                                 "per gli abitanti della zona. ", 4)),
            "it");
  EXPECT_EQ(GuessLanguage(Repeat("De raad zei dat de nieuwe bibliotheek voor iedereen open is en "
                                 "dat het gebouw met zorg is gemaakt voor de stad, ook bij "
                                 "regen. ", 4)),
            "nl");
}

TEST(GuessLanguage, ReadsScriptsThatOneLanguageOwns) {
  EXPECT_EQ(GuessLanguage(Repeat("新しい図書館はすべての人に開かれています。", 4)), "ja");
  EXPECT_EQ(GuessLanguage(Repeat("新的图书馆向所有人开放，市议会表示欢迎。", 4)), "zh");
  EXPECT_EQ(GuessLanguage(Repeat("새 도서관은 모든 사람에게 열려 있습니다. ", 6)), "ko");
  EXPECT_EQ(GuessLanguage(Repeat("Совет сказал, что новая библиотека открыта для всех и что "
                                 "она построена с заботой о городе, как и обещали. ", 4)),
            "ru");
}

TEST(GuessLanguage, GivesNothingWithoutEnoughEvidence) {
  EXPECT_EQ(GuessLanguage(""), "");
  EXPECT_EQ(GuessLanguage("The library is open."), "");  // too few words
  // Words that are no language's function words.
  EXPECT_EQ(GuessLanguage(Repeat("Lorem ipsum dolor sit amet consectetur adipiscing elit sed "
                                 "eiusmod tempor incididunt. ", 5)),
            "");
  // Invalid or cut UTF-8 and a huge text do not trip it.
  EXPECT_EQ(GuessLanguage(std::string("\xE3\x81", 2)), "");
  EXPECT_EQ(GuessLanguage(Repeat("the and of to is that with for ", 20000)), "en");
}

TEST(GuessLanguage, FillsTheLanguageOfAPageThatDeclaresNone) {
  const std::string body =
      "<p>Der Rat sagte am Montag, dass die neue Bibliothek für alle offen ist und dass sie mit "
      "Sorgfalt gebaut wurde.</p><p>Die Bürgermeisterin sprach von einem guten Tag für die "
      "Stadt, und die Kinder der Schule sangen ein Lied.</p><p>Das Haus hat drei Stockwerke, "
      "einen Garten und eine Halle, die auch für Konzerte genutzt werden kann.</p>";
  auto undeclared = ExtractArticle("<html><head><title>Bibliothek</title></head><body>"
                                   "<h1>Die neue Bibliothek</h1>" + body + "</body></html>",
                                   ExtractOptions());
  ASSERT_TRUE(undeclared.ok());
  EXPECT_EQ(undeclared->language, "de");
  // A declared language wins, in its canonical case.
  auto declared = ExtractArticle("<html lang='de-at'><head><title>Bibliothek</title></head><body>"
                                 "<h1>Die neue Bibliothek</h1>" + body + "</body></html>",
                                 ExtractOptions());
  ASSERT_TRUE(declared.ok());
  EXPECT_EQ(declared->language, "de-AT");
}

}  // namespace
}  // namespace libdiff::internal
