// Copyright 2026 The libdiff Authors.
//
// Verdicts on whole pages, end to end (extraction, fingerprints, the store):
// one focused case per kind of fetch a crawler sees. The pages are small but
// built like real ones: two site templates with navigation, bylines, related
// lists, author boxes, captions and footers around the same story.
#include <gtest/gtest.h>
#include <lmdb.h>

#include <string>
#include <vector>

#include "index/schema_v2.h"
#include "libdiff/store.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

// A story of the length of a short news article, and a second, unrelated one.
const std::vector<std::string> kHarbourStory = {
    "The harbour authority closed the old swing bridge on Tuesday after engineers found cracks "
    "in two of the steel girders that carry the roadway over the inner basin.",
    "About 14,000 vehicles cross the bridge on a normal weekday, according to the council's own "
    "traffic counts, and drivers were sent on a diversion of nearly four kilometres.",
    "Engineers said the cracks were discovered during a routine inspection that had been "
    "brought forward by six months because of the unusually cold winter.",
    "\"We could not in good conscience keep it open,\" said Marta Olsen, the authority's chief "
    "engineer, adding that the cracks were not yet dangerous but could grow quickly.",
    "Local businesses on the east quay said the closure would hurt trade in the weeks before "
    "the summer festival, when visitor numbers usually double.",
    "The council said it would run a free shuttle bus between the two quays every fifteen "
    "minutes from Thursday until the bridge reopens.",
    "Repairs are expected to take at least eight weeks and to cost about 2.3 million euros, "
    "which the authority hopes to recover from the contractor that last refurbished the span.",
    "The bridge, which opened in 1911, is one of only three working swing bridges left in the "
    "country and is a listed structure, which limits how it can be repaired.",
    "A public meeting about the closure will be held at the town hall next Monday evening.",
};

const std::vector<std::string> kOrchardStory = {
    "A cooperative of apple growers in the valley has started selling directly to schools, "
    "cutting out the wholesalers that used to take most of the margin on each crate.",
    "The scheme began with four schools last autumn and now supplies thirty-one, the "
    "cooperative's secretary said at its annual meeting on Saturday.",
    "Growers said prices paid by the schools were slightly lower than supermarket prices but "
    "far steadier, which made it easier to plan the next season's planting.",
    "Parents have welcomed the change, and several head teachers said pupils were eating more "
    "fruit since the lunch menus began to name the orchards the apples came from.",
    "The cooperative now hopes to add pears and plums, and is in talks with two hospitals "
    "about supplying their kitchens on the same terms.",
    "Not everyone is convinced: one wholesaler said the model would not survive a bad harvest, "
    "when schools would have to buy elsewhere at short notice.",
};

// A page of the first site's template around `paragraphs`. `extra_head` goes
// into <head> (scripts, JSON-LD), `banner` before the article, `inline_slot`
// after the second paragraph, `counter` is the comment count, `clock` the
// time shown in the header, `related` the related headlines.
struct HarbourTemplate {
  std::string title = "Harbour bridge closed after cracks found in girders";
  std::string extra_head;
  std::string banner;
  std::string inline_slot;
  std::string counter = "12 comments";
  std::string clock = "Updated 02:50pm";
  std::vector<std::string> related = {"Ferry timetable changes for the summer",
                                      "New cycle lane opens on the west quay",
                                      "Council approves budget for the harbour walk"};

  std::string Render(const std::vector<std::string>& paragraphs) const {
    std::string h =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
        " | The Harbour Gazette</title>"
        "<link rel=\"canonical\" href=\"https://harbourgazette.example/news/bridge-closed\">" +
        extra_head +
        "</head><body><header class=\"site-header\"><nav class=\"menu\"><ul>"
        "<li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
        "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/business\">Business</a></li>"
        "<li><a href=\"/weather\">Weather</a></li></ul></nav><span class=\"clock\">" +
        clock + "</span></header>" + banner +
        "<main><article class=\"story\"><h1>" + title +
        "</h1><div class=\"byline\">By <a rel=\"author\" href=\"/staff/anna-berg\">Anna Berg</a>"
        " <time datetime=\"2026-03-10T14:50:00Z\">10 March 2026</time></div>"
        "<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a> <span>" +
        counter + "</span></div><div class=\"story-body\">";
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      h += "<p>" + paragraphs[i] + "</p>";
      if (i == 1) h += inline_slot;
    }
    h += "</div></article><aside class=\"related\"><h2>Latest stories</h2><ul>";
    for (const auto& r : related) h += "<li><a href=\"/news/x\">" + r + "</a></li>";
    h += "</ul></aside></main><footer><p>&copy; 2026 The Harbour Gazette. All rights reserved."
         "</p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer></body></html>";
    return h;
  }
};

// The second site's template: other class names, an author box, captions, a
// newsletter box in the body and a "Most popular" list.
std::string RenderWirePage(const std::string& title, const std::vector<std::string>& paragraphs,
                           const std::string& trailer) {
  std::string h =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
      " - Coastal Daily</title></head><body><div id=\"top\"><div class=\"logo\">Coastal Daily"
      "</div><ul class=\"nav\"><li><a href=\"/\">Front page</a></li><li><a href=\"/region\">"
      "Region</a></li><li><a href=\"/opinion\">Opinion</a></li></ul></div>"
      "<div class=\"content\"><div class=\"entry\"><h1 class=\"entry-title\">" +
      title +
      "</h1><div class=\"entry-meta\">Published 11 March 2026 by Wire Staff</div>"
      "<figure><img src=\"/img/bridge.jpg\" alt=\"\"><figcaption>The swing bridge seen from "
      "the east quay. Photo: Coastal Daily</figcaption></figure><div class=\"entry-content\">";
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    h += "<p>" + paragraphs[i] + "</p>";
    if (i == 3) {
      h += "<div class=\"newsletter\"><p>Get the morning briefing in your inbox.</p>"
           "<a href=\"/signup\">Sign up</a></div>";
    }
  }
  if (!trailer.empty()) h += "<p><em>" + trailer + "</em></p>";
  h += "</div><div class=\"author-box\"><h4>About the author</h4><p>The Coastal Daily wire desk "
       "edits agency copy for our readers across the region every day of the week.</p></div>"
       "</div><div class=\"sidebar\"><h3>Most popular</h3><ol><li><a href=\"/a\">Storm warning "
       "for the weekend</a></li><li><a href=\"/b\">Fish prices at record high</a></li></ol>"
       "</div></div><div class=\"footer\">Coastal Daily &middot; <a href=\"/about\">About us</a>"
       "</div></body></html>";
  return h;
}

// A press release on a wire site: its own story, then the company's
// boilerplate ("About ...") and contact block, as every release there has
// (here about a third of the text).
std::string RenderPressRelease(const std::string& title,
                               const std::vector<std::string>& paragraphs) {
  std::string h = "<!DOCTYPE html><html><head><title>" + title +
                  "</title></head><body><div class=\"release\"><h1>" + title + "</h1>";
  for (const auto& p : paragraphs) h += "<p>" + p + "</p>";
  h += "<h3>About Northwind Marine</h3><p>Northwind Marine designs and builds workboats, pilot "
       "vessels and harbour tugs for ports in fourteen countries. Founded in 1987, the company "
       "employs about 900 people at yards in the north and the south of the country, and its "
       "service teams support more than 1,200 vessels in operation around the world.</p>"
       "<p>Media contact: press office, Northwind Marine, telephone and email on the company "
       "website.</p></div></body></html>";
  return h;
}

class VerdictPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::Open(StoreOptions(), dir_.path() + "/store");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  Verdict Ingest(const std::string& url, const std::string& html) {
    Page page;
    page.url = url;
    page.html = html;
    page.fetched_at = ++clock_;
    auto v = store_->Ingest(page);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : Verdict();
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t clock_ = 1'700'000'000;
};

constexpr char kHarbourUrl[] = "https://harbourgazette.example/news/bridge-closed";
constexpr char kWireUrl[] = "https://coastaldaily.example/region/2026/03/11/bridge-closed";

TEST_F(VerdictPagesTest, CopyInAnotherSitesTemplateIsADuplicateOfTheOriginal) {
  const Verdict original = Ingest(kHarbourUrl, HarbourTemplate().Render(kHarbourStory));
  ASSERT_EQ(original.kind, VerdictKind::kNew);
  const Verdict copy =
      Ingest(kWireUrl, RenderWirePage("Harbour bridge closed after cracks found in girders",
                                      kHarbourStory, ""));
  EXPECT_EQ(copy.kind, VerdictKind::kDuplicate) << copy.reason;
  EXPECT_EQ(copy.of, original.article);
  EXPECT_EQ(copy.of_url, kHarbourUrl);
  EXPECT_TRUE(copy.cross_site);
  EXPECT_GE(copy.containment, 0.9);
  EXPECT_GT(copy.similarity, 0.5);
}

TEST_F(VerdictPagesTest, WireEditedCopyIsADuplicateOfTheOriginal) {
  const Verdict original = Ingest(kHarbourUrl, HarbourTemplate().Render(kHarbourStory));
  // A dateline on the first paragraph, the last paragraph dropped, a trailer.
  std::vector<std::string> wire = kHarbourStory;
  wire.front() = "PORT ELLEN (Coastal Wire) \xE2\x80\x94 " + wire.front();
  wire.pop_back();
  const Verdict copy = Ingest(
      kWireUrl, RenderWirePage("Swing bridge shut as engineers find cracks", wire,
                               "This story originally appeared in The Harbour Gazette."));
  EXPECT_EQ(copy.kind, VerdictKind::kDuplicate) << copy.reason;
  EXPECT_EQ(copy.of, original.article);
  // Found although the two SimHashes are too far apart for the SimHash tables.
  EXPECT_GT(copy.distance, StoreOptions().max_distance);
  EXPECT_GE(copy.containment, 0.75);
}

TEST_F(VerdictPagesTest, ReleasesSharingTheCompanyBoilerplateAreNotDuplicates) {
  const std::string site = "https://pressroom.example/releases/";
  const Verdict a = Ingest(site + "harbour-tug",
                           RenderPressRelease("Northwind Marine delivers new harbour tug",
                                              {kHarbourStory.begin(), kHarbourStory.begin() + 4}));
  const Verdict b = Ingest(site + "orchard-boats",
                           RenderPressRelease("Northwind Marine wins orchard ferry order",
                                              {kOrchardStory.begin(), kOrchardStory.begin() + 4}));
  EXPECT_EQ(a.kind, VerdictKind::kNew);
  EXPECT_EQ(b.kind, VerdictKind::kNew) << "linked to article " << b.of << " " << b.alias_of;
}

TEST_F(VerdictPagesTest, OneNumberChangedIsAnUpdate) {
  ASSERT_EQ(Ingest(kHarbourUrl, HarbourTemplate().Render(kHarbourStory)).kind, VerdictKind::kNew);
  std::vector<std::string> corrected = kHarbourStory;
  corrected[6].replace(corrected[6].find("2.3 million"), 3, "3.2");
  const Verdict v = Ingest(kHarbourUrl, HarbourTemplate().Render(corrected));
  EXPECT_EQ(v.kind, VerdictKind::kUpdated);
  EXPECT_EQ(v.revision, 2u);
  EXPECT_EQ(v.changes.paragraphs_changed, 1);
}

TEST_F(VerdictPagesTest, OneWordChangedIsAnUpdate) {
  ASSERT_EQ(Ingest(kHarbourUrl, HarbourTemplate().Render(kHarbourStory)).kind, VerdictKind::kNew);
  std::vector<std::string> corrected = kHarbourStory;
  corrected[4].replace(corrected[4].find("double"), 6, "triple");
  EXPECT_EQ(Ingest(kHarbourUrl, HarbourTemplate().Render(corrected)).kind, VerdictKind::kUpdated);
}

TEST_F(VerdictPagesTest, BoilerplateAroundAndInsideTheArticleNeverMakesAnUpdate) {
  ASSERT_EQ(Ingest(kHarbourUrl, HarbourTemplate().Render(kHarbourStory)).kind, VerdictKind::kNew);
  HarbourTemplate changed;
  changed.counter = "348 comments";
  changed.clock = "Updated 04:15pm";
  changed.related = {"Ferry strike called off", "Lifeboat crew rescues two kayakers",
                     "Harbour walk opens early"};
  changed.banner =
      "<div class=\"cookie-banner\"><p>We use cookies to improve your experience. "
      "<a href=\"/privacy\">Manage preferences</a></p><button>Accept all</button></div>";
  changed.inline_slot =
      "<div class=\"ad-slot\">Advertisement</div><div class=\"read-more\"><a href=\"/x\">Read "
      "more: Ferry timetable changes for the summer</a></div>";
  changed.extra_head = "<script>window.__nonce='8f3a';</script>";
  const Verdict v = Ingest(kHarbourUrl + std::string("?utm_source=feed#comments"),
                           changed.Render(kHarbourStory));
  EXPECT_EQ(v.kind, VerdictKind::kUnchanged);
  EXPECT_EQ(v.revision, 1u);
}

TEST_F(VerdictPagesTest, ArticleUnderAConsentBannerIsFiledNotSkipped) {
  HarbourTemplate t;
  t.banner =
      "<div id=\"consent\" class=\"consent-overlay\"><h2>We value your privacy</h2><p>We and our "
      "partners use cookies and similar technologies to store and access information on your "
      "device, for personalised advertising and content, measurement and audience research."
      "</p><button>Accept</button><button>Reject</button><a href=\"/consent\">Manage "
      "settings</a></div>";
  const Verdict v = Ingest(kHarbourUrl, t.Render(kHarbourStory));
  EXPECT_EQ(v.kind, VerdictKind::kNew) << v.reason;
}

TEST_F(VerdictPagesTest, StaleEmbeddedCopyDoesNotHideAnEditInTheVisibleText) {
  std::string body;
  for (const auto& p : kHarbourStory) body += (body.empty() ? "" : " ") + p;
  HarbourTemplate t;
  t.extra_head =
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
      "\"NewsArticle\",\"headline\":\"Harbour bridge closed after cracks found in girders\","
      "\"articleBody\":\"" + body + "\"}</script>";
  ASSERT_EQ(Ingest(kHarbourUrl, t.Render(kHarbourStory)).kind, VerdictKind::kNew);
  // The page's visible text is corrected; its JSON-LD copy is not.
  std::vector<std::string> corrected = kHarbourStory;
  corrected[1].replace(corrected[1].find("14,000"), 6, "19,000");
  const Verdict v = Ingest(kHarbourUrl, t.Render(corrected));
  EXPECT_EQ(v.kind, VerdictKind::kUpdated);
}

TEST_F(VerdictPagesTest, CopyCarryingPartOfAnotherArticleDoesNotChainTheTwo) {
  const Verdict harbour = Ingest(kHarbourUrl, HarbourTemplate().Render(kHarbourStory));
  ASSERT_EQ(harbour.kind, VerdictKind::kNew);
  // A copy of the harbour story in a page that kept most of the orchard story
  // from the template it was poured into.
  std::vector<std::string> mixed = kHarbourStory;
  mixed.insert(mixed.end(), kOrchardStory.begin(), kOrchardStory.end() - 1);
  const Verdict copy = Ingest(kWireUrl, RenderWirePage("Bridge closed", mixed, ""));
  EXPECT_EQ(copy.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(copy.of, harbour.article);
  // The orchard story itself shares nothing with the harbour story: it may
  // match the mixed copy, but it is not a duplicate of the harbour article.
  const Verdict orchard =
      Ingest("https://valleytimes.example/farming/apple-growers-sell-to-schools",
             RenderWirePage("Apple growers sell straight to schools", kOrchardStory, ""));
  EXPECT_NE(orchard.kind, VerdictKind::kDuplicate) << "linked to article " << orchard.of;
}

// Turns the store's near-duplicate index back into schema v2 (no candidate
// keys), as libdiff wrote it before the keys existed.
void DowngradeIndexToV2(const std::string& dir) {
  MDB_env* env = nullptr;
  ASSERT_EQ(mdb_env_create(&env), 0);
  ASSERT_EQ(mdb_env_set_maxdbs(env, 64), 0);
  ASSERT_EQ(mdb_env_open(env, dir.c_str(), 0, 0644), 0);
  MDB_txn* txn = nullptr;
  ASSERT_EQ(mdb_txn_begin(env, nullptr, 0, &txn), 0);
  test::DowngradeIndexToV2(txn);
  mdb_env_close(env);
}

TEST_F(VerdictPagesTest, StoreWrittenBeforeCandidateKeysIsUpgradedAndFindsFarCopies) {
  const Verdict original = Ingest(kHarbourUrl, HarbourTemplate().Render(kHarbourStory));
  store_.reset();
  const std::string dir = dir_.path() + "/store";
  DowngradeIndexToV2(dir);

  StoreOptions read_only;
  read_only.read_only = true;
  auto refused = Store::Open(read_only, dir);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("open it once for writing"), std::string::npos)
      << refused.status().ToString();

  auto reopened = Store::Open(StoreOptions(), dir);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(*reopened);
  std::vector<std::string> wire = kHarbourStory;
  wire.front() = "PORT ELLEN (Coastal Wire) \xE2\x80\x94 " + wire.front();
  wire.pop_back();
  const Verdict copy = Ingest(kWireUrl, RenderWirePage("Swing bridge shut", wire, ""));
  EXPECT_EQ(copy.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(copy.of, original.article);
  EXPECT_GT(copy.distance, StoreOptions().max_distance);
}

}  // namespace
}  // namespace libdiff
