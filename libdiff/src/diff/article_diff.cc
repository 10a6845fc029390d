// Copyright 2026 The libdiff Authors.
//
// DiffArticles / DiffTexts: the body (body_diff.cc, where the pipeline is
// described), then the title and metadata fields word by word, and the
// significance of the whole.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/body_diff.h"
#include "diff/sentence_splitter.h"
#include "diff/significance.h"
#include "diff/text_tokens.h"
#include "libdiff/diff.h"
#include "util/utf8.h"

namespace libdiff {
namespace {

using internal::textdiff::Token;

Status CheckOptions(const DiffOptions& options) {
  if (!(options.change_threshold >= 0.0 && options.change_threshold <= 1.0)) {
    return Status::InvalidArgument("diff: change_threshold must be in [0, 1]");
  }
  if (!(options.move_threshold >= 0.0 && options.move_threshold <= 1.0)) {
    return Status::InvalidArgument("diff: move_threshold must be in [0, 1]");
  }
  if (options.max_edit_cost == 0) return Status::InvalidArgument("diff: max_edit_cost must be > 0");
  return Status::OK();
}

std::string Clean(std::string_view s) {
  return internal::IsValidUtf8(s) && s.find('\0') == std::string_view::npos
             ? std::string(s)
             : internal::RepairUtf8(s);
}

// Word script and class of one metadata field.
FieldChange DiffField(std::string name, std::string old_value, std::string new_value,
                      const DiffOptions& options) {
  FieldChange f;
  f.field = std::move(name);
  f.old_value = std::move(old_value);
  f.new_value = std::move(new_value);
  std::vector<Token> ot = internal::textdiff::TokenizeForDiff(f.old_value);
  std::vector<Token> nt = internal::textdiff::TokenizeForDiff(f.new_value);
  std::vector<size_t> oc, nc;
  internal::DiffWords(ot, nt, options, &f.words, &oc, &nc);
  const Significance cls = internal::textdiff::ClassifyEdit(ot, oc, nt, nc);
  if (f.field == "title") {
    f.significance = cls == Significance::kSubstantive ? Significance::kTitleOnly : cls;
  } else if (f.field == "published" || f.field == "modified") {
    f.significance = Significance::kTimestamp;
  } else {
    f.significance = cls == Significance::kWhitespacePunctuation ? cls : Significance::kSubstantive;
  }
  return f;
}

std::string JoinAuthors(const std::vector<std::string>& authors) {
  std::string s;
  for (const std::string& a : authors) {
    if (!s.empty()) s += ", ";
    s += a;
  }
  return s;
}

void FinishSignificance(ArticleDiff* diff) {
  ChangeSummary& s = diff->summary;
  bool times_changed = false;
  for (const FieldChange& f : diff->fields) {
    if (f.field == "title") {
      s.title_changed = true;
      s.title_significance = f.significance;
    } else {
      ++s.metadata_changed;
      if (f.field == "published" || f.field == "modified") times_changed = true;
    }
  }
  Significance sig = s.body_significance;
  if (s.title_significance == Significance::kTitleOnly) {
    sig = sig <= Significance::kTimestamp ? Significance::kTitleOnly : Significance::kSubstantive;
  } else {
    sig = std::max(sig, s.title_significance);
  }
  if (times_changed) sig = std::max(sig, Significance::kTimestamp);
  s.significance = sig;
}

}  // namespace

const char* SignificanceName(Significance significance) {
  switch (significance) {
    case Significance::kNone: return "none";
    case Significance::kWhitespacePunctuation: return "whitespace_punctuation";
    case Significance::kTimestamp: return "timestamp";
    case Significance::kNumbers: return "numbers";
    case Significance::kTitleOnly: return "title_only";
    case Significance::kSubstantive: return "substantive";
  }
  return "unknown";
}

const char* SentenceOpKindName(SentenceOpKind kind) {
  switch (kind) {
    case SentenceOpKind::kEqual: return "equal";
    case SentenceOpKind::kInsert: return "insert";
    case SentenceOpKind::kDelete: return "delete";
    case SentenceOpKind::kChange: return "change";
    case SentenceOpKind::kMove: return "move";
  }
  return "unknown";
}

const char* WordOpKindName(WordOpKind kind) {
  switch (kind) {
    case WordOpKind::kEqual: return "equal";
    case WordOpKind::kInsert: return "insert";
    case WordOpKind::kDelete: return "delete";
  }
  return "unknown";
}

namespace {

// Joins (paragraph, text) pairs in order: " " inside a paragraph, "\n\n" between.
std::string JoinSentences(const std::vector<std::pair<size_t, const std::string*>>& parts) {
  std::string out;
  size_t last = kNoIndex;
  for (const auto& [p, text] : parts) {
    if (last != kNoIndex) out += (p == last) ? " " : "\n\n";
    out += *text;
    last = p;
  }
  return out;
}

}  // namespace

std::string ArticleDiff::OldText() const {
  std::vector<std::pair<size_t, std::pair<size_t, const std::string*>>> indexed;
  for (const SentenceOp& op : ops) {
    if (op.old_index != kNoIndex) {
      indexed.push_back({op.old_index, {op.old_paragraph, &op.old_text}});
    }
  }
  std::sort(indexed.begin(), indexed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<size_t, const std::string*>> parts;
  for (const auto& e : indexed) parts.push_back(e.second);
  return JoinSentences(parts);
}

std::string ArticleDiff::NewText() const {
  std::vector<std::pair<size_t, const std::string*>> parts;
  for (const SentenceOp& op : ops) {
    if (op.new_index != kNoIndex) parts.push_back({op.new_paragraph, &op.new_text});
  }
  return JoinSentences(parts);
}

Article ArticleFromText(std::string_view text) {
  Article article;
  const std::string clean = Clean(text);
  std::vector<std::string> paragraphs = internal::textdiff::SplitParagraphs(clean);
  size_t first = 0;
  if (!paragraphs.empty() && paragraphs[0].rfind("# ", 0) == 0) {
    // Only a one-line first paragraph is a heading.
    const size_t start = clean.find_first_not_of(" \t\r\n");
    const size_t eol = clean.find('\n', start);
    const std::string_view line =
        std::string_view(clean).substr(start, eol == std::string::npos ? eol : eol - start);
    if (internal::CollapseWhitespace(line) == paragraphs[0]) {
      article.title = paragraphs[0].substr(2);
      first = 1;
    }
  }
  for (size_t p = first; p < paragraphs.size(); ++p) {
    article.blocks.push_back({BlockKind::kParagraph, std::move(paragraphs[p])});
  }
  return article;
}

Result<ArticleDiff> DiffTexts(std::string_view old_text, std::string_view new_text,
                              const DiffOptions& options) {
  LIBDIFF_RETURN_IF_ERROR(CheckOptions(options));
  if (old_text.size() > options.max_input_bytes || new_text.size() > options.max_input_bytes) {
    return Status::ResourceExhausted("diff: input of " +
                                     std::to_string(std::max(old_text.size(), new_text.size())) +
                                     " bytes exceeds max_input_bytes " +
                                     std::to_string(options.max_input_bytes));
  }
  LIBDIFF_ASSIGN_OR_RETURN(ArticleDiff diff,
                           internal::DiffBody(internal::textdiff::SplitParagraphs(Clean(old_text)),
                                              internal::textdiff::SplitParagraphs(Clean(new_text)),
                                              options, ArticleDiff()));
  FinishSignificance(&diff);
  return diff;
}

Result<ArticleDiff> DiffArticles(const Article& old_article, const Article& new_article,
                                 const DiffOptions& options) {
  LIBDIFF_RETURN_IF_ERROR(CheckOptions(options));
  auto size_of = [](const Article& a) {
    size_t n = a.title.size() + a.description.size();
    for (const Block& b : a.blocks) n += b.text.size();
    return n;
  };
  if (size_of(old_article) > options.max_input_bytes ||
      size_of(new_article) > options.max_input_bytes) {
    return Status::ResourceExhausted("diff: article larger than max_input_bytes " +
                                     std::to_string(options.max_input_bytes));
  }
  ArticleDiff diff;
  diff.old_title = internal::CollapseWhitespace(Clean(old_article.title));
  diff.new_title = internal::CollapseWhitespace(Clean(new_article.title));
  auto add_field = [&](const char* name, const std::string& a, const std::string& b) {
    std::string ca = internal::CollapseWhitespace(Clean(a)),
                cb = internal::CollapseWhitespace(Clean(b));
    if (ca != cb) diff.fields.push_back(DiffField(name, std::move(ca), std::move(cb), options));
  };
  add_field("title", old_article.title, new_article.title);
  if (options.compare_metadata) {
    add_field("description", old_article.description, new_article.description);
    add_field("authors", JoinAuthors(old_article.authors), JoinAuthors(new_article.authors));
    add_field("published", old_article.published, new_article.published);
    add_field("modified", old_article.modified, new_article.modified);
    add_field("canonical_url", old_article.canonical_url, new_article.canonical_url);
    add_field("site_name", old_article.site_name, new_article.site_name);
    add_field("language", old_article.language, new_article.language);
    add_field("type", old_article.type, new_article.type);
  }
  auto paragraphs = [](const Article& a) {
    std::vector<std::string> out;
    out.reserve(a.blocks.size());
    for (const Block& b : a.blocks) out.push_back(Clean(b.text));
    return out;
  };
  LIBDIFF_ASSIGN_OR_RETURN(
      diff, internal::DiffBody(paragraphs(old_article), paragraphs(new_article), options,
                               std::move(diff)));
  FinishSignificance(&diff);
  return diff;
}

}  // namespace libdiff