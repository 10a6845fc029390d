// Copyright 2026 The libdiff Authors.
#include "extract/meta_page.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace libdiff::internal {
namespace {

struct ClassCase {
  const char* class_id;
  bool off_topic;
};

void ExpectOffTopic(std::initializer_list<ClassCase> cases) {
  for (const ClassCase& c : cases)
    EXPECT_EQ(IsOffTopicContainer("div", c.class_id), c.off_topic) << c.class_id;
}

TEST(IsOffTopicContainer, WordsAtTheStartOfAToken) {
  EXPECT_TRUE(IsOffTopicContainer("aside", ""));
  ExpectOffTopic({{"related-stories", true},
                  {"main Comments-list", true},
                  {"x\tMOSTPOPULAR", true},
                  {"a  \r\n\fread-more", true},
                  {"wrap most-popular-list", true},
                  {"ob taboola-feed", true},
                  // Inside a token, or words the list does not hold.
                  {"has-sidebar no-comments", false},
                  {"most_popular readmor relate", false},
                  {"article-body", false},
                  {"", false},
                  // A vertical tab is no token boundary (RE2's \s does not hold it).
                  {"x\vsidebar", false}});
}

TEST(IsOffTopicContainer, TextBeyondAsciiFoldsCaseAsRe2Does) {
  // U+017F LATIN SMALL LETTER LONG S folds to 's', U+212A KELVIN SIGN to 'k'.
  ExpectOffTopic({{"caf\xC3\xA9 \xC5\xBFidebar", true},
                  {"\xC3\xA9 related", true},
                  {"caf\xC3\xA9 main", false},
                  {"\xC3\xA9sidebar", false}});
}

}  // namespace
}  // namespace libdiff::internal
