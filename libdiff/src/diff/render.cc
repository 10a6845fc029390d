// Copyright 2026 The libdiff Authors.
//
// RenderDiff: word, unified, json, html and stat views of an ArticleDiff.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "libdiff/diff.h"

namespace libdiff {
namespace {

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kCyan = "\x1b[36m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

std::string Num(size_t n) { return std::to_string(n); }

// ---- word -------------------------------------------------------------------

struct Marks {
  bool color;
  std::string Del(const std::string& t) const {
    return color ? std::string(kRed) + t + kReset : "[-" + t + "-]";
  }
  std::string Ins(const std::string& t) const {
    return color ? std::string(kGreen) + t + kReset : "{+" + t + "+}";
  }
  std::string Moved(const std::string& t) const {
    return color ? std::string(kCyan) + t + kReset : "{>" + t + "<}";
  }
};

std::string InlineWords(const std::vector<WordOp>& words, const Marks& marks) {
  std::string out;
  for (const WordOp& w : words) {
    switch (w.kind) {
      case WordOpKind::kEqual: out += w.text; break;
      case WordOpKind::kDelete: out += marks.Del(w.text); break;
      case WordOpKind::kInsert: out += marks.Ins(w.text); break;
    }
  }
  return out;
}

// Groups ops into the paragraphs they are shown in: the new paragraph, or for
// a deletion its neighbour's, or its own when its whole old paragraph went.
struct DisplayParagraph {
  std::vector<const SentenceOp*> ops;
  bool changed = false;
};

std::vector<DisplayParagraph> GroupParagraphs(const ArticleDiff& diff) {
  std::map<size_t, size_t> old_total, old_deleted;
  for (const SentenceOp& op : diff.ops) {
    if (op.old_paragraph != kNoIndex) ++old_total[op.old_paragraph];
    if (op.kind == SentenceOpKind::kDelete) ++old_deleted[op.old_paragraph];
  }
  std::vector<DisplayParagraph> groups;
  size_t current_new = kNoIndex;   // new paragraph of the last group
  size_t current_old_whole = kNoIndex;
  for (const SentenceOp& op : diff.ops) {
    if (op.kind == SentenceOpKind::kDelete) {
      const bool whole = old_deleted[op.old_paragraph] == old_total[op.old_paragraph];
      if (whole) {
        if (current_old_whole != op.old_paragraph) {
          groups.emplace_back();
          current_old_whole = op.old_paragraph;
          current_new = kNoIndex;
        }
      } else if (groups.empty()) {
        groups.emplace_back();
      }
    } else {
      if (op.new_paragraph != current_new || current_old_whole != kNoIndex) {
        // A deletion just before the first sentence of a paragraph belongs to it
        // when the previous group holds only deletions of a partly kept paragraph.
        const bool adopt =
            !groups.empty() && current_new == kNoIndex && current_old_whole == kNoIndex;
        if (!adopt) groups.emplace_back();
        current_new = op.new_paragraph;
        current_old_whole = kNoIndex;
      }
    }
    groups.back().ops.push_back(&op);
    if (op.kind != SentenceOpKind::kEqual) groups.back().changed = true;
  }
  return groups;
}

std::string RenderWord(const ArticleDiff& diff, const RenderOptions& options) {
  const Marks marks{options.color};
  std::string out;
  for (const FieldChange& f : diff.fields) {
    out += (options.color ? std::string(kBold) : std::string()) + f.field + ":" +
           (options.color ? kReset : "") + " " + InlineWords(f.words, marks) + "\n";
  }
  if (diff.fields.empty() && !diff.new_title.empty()) out += "title: " + diff.new_title + "\n";
  if (!out.empty()) out += "\n";
  std::vector<DisplayParagraph> groups = GroupParagraphs(diff);
  std::vector<bool> shown(groups.size(), options.full_text || options.context < 0);
  if (!options.full_text && options.context >= 0) {
    const size_t c = static_cast<size_t>(options.context);
    for (size_t g = 0; g < groups.size(); ++g) {
      if (!groups[g].changed) continue;
      for (size_t k = g > c ? g - c : 0; k < std::min(groups.size(), g + c + 1); ++k) {
        shown[k] = true;
      }
    }
  }
  bool elided = false;
  std::string body;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!shown[g]) {
      elided = true;
      continue;
    }
    if (!body.empty()) body += "\n\n";
    if (elided) body += "...\n\n";
    elided = false;
    std::string line;
    for (const SentenceOp* op : groups[g].ops) {
      if (!line.empty()) line += " ";
      switch (op->kind) {
        case SentenceOpKind::kEqual: line += op->new_text; break;
        case SentenceOpKind::kInsert: line += marks.Ins(op->new_text); break;
        case SentenceOpKind::kDelete: line += marks.Del(op->old_text); break;
        case SentenceOpKind::kChange: line += InlineWords(op->words, marks); break;
        case SentenceOpKind::kMove:
          line += marks.Moved(op->words.empty() ? op->new_text : InlineWords(op->words, marks));
          break;
      }
    }
    body += line;
  }
  if (elided && !body.empty()) body += "\n\n...";
  out += body;
  if (!out.empty() && out.back() != '\n') out += "\n";
  return out;
}

// ---- unified ----------------------------------------------------------------

struct Line {
  char tag;  // ' ', '-', '+'
  const std::string* text;
};

// One sentence per line; a move's source appears as '-' where it stood.
std::vector<Line> SentenceLines(const ArticleDiff& diff) {
  std::vector<const SentenceOp*> moves;
  for (const SentenceOp& op : diff.ops) if (op.kind == SentenceOpKind::kMove) moves.push_back(&op);
  std::sort(moves.begin(), moves.end(),
            [](const SentenceOp* a, const SentenceOp* b) { return a->old_index < b->old_index; });
  size_t next_move = 0;
  std::vector<Line> lines;
  for (const SentenceOp& op : diff.ops) {
    if (op.kind != SentenceOpKind::kInsert && op.kind != SentenceOpKind::kMove) {
      while (next_move < moves.size() && moves[next_move]->old_index < op.old_index) {
        lines.push_back({'-', &moves[next_move++]->old_text});
      }
    }
    switch (op.kind) {
      case SentenceOpKind::kEqual: lines.push_back({' ', &op.new_text}); break;
      case SentenceOpKind::kInsert: lines.push_back({'+', &op.new_text}); break;
      case SentenceOpKind::kDelete: lines.push_back({'-', &op.old_text}); break;
      case SentenceOpKind::kChange:
        lines.push_back({'-', &op.old_text});
        lines.push_back({'+', &op.new_text});
        break;
      case SentenceOpKind::kMove: lines.push_back({'+', &op.new_text}); break;
    }
  }
  while (next_move < moves.size()) lines.push_back({'-', &moves[next_move++]->old_text});
  return lines;
}

std::string RenderUnified(const ArticleDiff& diff, const RenderOptions& options) {
  const size_t context = options.context < 0 ? 0 : static_cast<size_t>(options.context);
  auto paint = [&](char tag, const std::string& s) {
    if (!options.color || tag == ' ') return s;
    return std::string(tag == '-' ? kRed : kGreen) + s + kReset;
  };
  std::string out =
      paint('-', "--- " + options.old_label) + "\n" + paint('+', "+++ " + options.new_label) + "\n";
  if (diff.summary.title_changed) {
    out += "@@ title @@\n" + paint('-', "-" + diff.old_title) + "\n" +
           paint('+', "+" + diff.new_title) + "\n";
  }
  std::vector<Line> lines = SentenceLines(diff);
  size_t k = 0;
  while (k < lines.size()) {
    while (k < lines.size() && lines[k].tag == ' ') ++k;
    if (k == lines.size()) break;
    // A hunk: from `context` lines before the first change to `context` after
    // the last change that is followed by at most 2*context unchanged lines.
    size_t start = k > context ? k - context : 0;
    size_t end = k;
    while (end < lines.size()) {
      size_t e = end;
      while (e < lines.size() && lines[e].tag != ' ') ++e;
      size_t run = e;
      while (run < lines.size() && lines[run].tag == ' ') ++run;
      if (run < lines.size() && run - e <= 2 * context) {
        end = run;
      } else {
        end = std::min(lines.size(), e + context);
        break;
      }
    }
    size_t old_start = 1, new_start = 1;
    for (size_t x = 0; x < start; ++x) {
      old_start += lines[x].tag != '+';
      new_start += lines[x].tag != '-';
    }
    size_t old_count = 0, new_count = 0;
    for (size_t x = start; x < end; ++x) {
      old_count += lines[x].tag != '+';
      new_count += lines[x].tag != '-';
    }
    if (old_count == 0) --old_start;  // diff(1) convention for an empty side
    if (new_count == 0) --new_start;
    out += (options.color ? std::string(kCyan) : "") + "@@ -" + Num(old_start) + "," +
           Num(old_count) + " +" + Num(new_start) + "," + Num(new_count) + " @@" +
           (options.color ? kReset : "") + "\n";
    for (size_t x = start; x < end; ++x) {
      out += paint(lines[x].tag, lines[x].tag + *lines[x].text) + "\n";
    }
    k = end;
  }
  return out;
}

// ---- json -------------------------------------------------------------------

using Json = nlohmann::ordered_json;

Json WordsJson(const std::vector<WordOp>& words) {
  Json arr = Json::array();
  for (const WordOp& w : words) arr.push_back({{"op", WordOpKindName(w.kind)}, {"text", w.text}});
  return arr;
}

Json IndexJson(size_t i) { return i == kNoIndex ? Json(nullptr) : Json(i); }

Json SummaryJson(const ChangeSummary& s) {
  return Json{{"significance", SignificanceName(s.significance)},
              {"body_significance", SignificanceName(s.body_significance)},
              {"title_significance", SignificanceName(s.title_significance)},
              {"title_changed", s.title_changed},
              {"metadata_changed", s.metadata_changed},
              {"sentences", {{"equal", s.sentences_equal},
                             {"added", s.sentences_added},
                             {"removed", s.sentences_removed},
                             {"changed", s.sentences_changed},
                             {"moved", s.sentences_moved}}},
              {"paragraphs", {{"old", s.paragraphs_old},
                              {"new", s.paragraphs_new},
                              {"added", s.paragraphs_added},
                              {"removed", s.paragraphs_removed},
                              {"changed", s.paragraphs_changed},
                              {"moved", s.paragraphs_moved}}},
              {"words", {{"added", s.words_added}, {"removed", s.words_removed}}}};
}

std::string RenderJson(const ArticleDiff& diff, const RenderOptions& options) {
  Json j;
  j["schema"] = "libdiff.diff/1";
  j["old_label"] = options.old_label;
  j["new_label"] = options.new_label;
  j["changed"] = diff.summary.BodyOrTitleChanged();
  j["coarse"] = diff.coarse;
  j["summary"] = SummaryJson(diff.summary);
  j["title"] = {{"old", diff.old_title}, {"new", diff.new_title}};
  Json fields = Json::array();
  for (const FieldChange& f : diff.fields) {
    fields.push_back({{"field", f.field},
                      {"old", f.old_value},
                      {"new", f.new_value},
                      {"significance", SignificanceName(f.significance)},
                      {"words", WordsJson(f.words)}});
  }
  j["fields"] = std::move(fields);
  Json ops = Json::array();
  for (const SentenceOp& op : diff.ops) {
    const double similarity =  // three decimals
        static_cast<double>(static_cast<long long>(op.similarity * 1000.0 + 0.5)) / 1000.0;
    ops.push_back({{"op", SentenceOpKindName(op.kind)},
                   {"old_index", IndexJson(op.old_index)},
                   {"new_index", IndexJson(op.new_index)},
                   {"old_paragraph", IndexJson(op.old_paragraph)},
                   {"new_paragraph", IndexJson(op.new_paragraph)},
                   {"old_text", op.old_index == kNoIndex ? Json(nullptr) : Json(op.old_text)},
                   {"new_text", op.new_index == kNoIndex ? Json(nullptr) : Json(op.new_text)},
                   {"significance", SignificanceName(op.significance)},
                   {"similarity", similarity},
                   {"words", WordsJson(op.words)}});
  }
  j["ops"] = std::move(ops);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---- html -------------------------------------------------------------------

std::string Escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string HtmlWords(const std::vector<WordOp>& words) {
  std::string out;
  for (const WordOp& w : words) {
    switch (w.kind) {
      case WordOpKind::kEqual: out += Escape(w.text); break;
      case WordOpKind::kDelete: out += "<del class=\"d\">" + Escape(w.text) + "</del>"; break;
      case WordOpKind::kInsert: out += "<ins class=\"i\">" + Escape(w.text) + "</ins>"; break;
    }
  }
  return out;
}

// One CSS line a "...\n" literal; a long line continues on the next literal.
constexpr const char* kHtmlStyle =
    "\n"
    "body{font:17px/1.6 Georgia,'Times New Roman',serif;color:#1d1d1f;"
    "background:#fafaf7;margin:0}\n"
    "main,header{max-width:46rem;margin:0 auto;padding:1rem 1.5rem}\n"
    "header{border-bottom:1px solid #ddd;background:#fff;max-width:none}\n"
    "header>div{max-width:46rem;margin:0 auto}\n"
    "h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0}\n"
    ".meta{font:14px/1.5 system-ui,sans-serif;color:#555}\n"
    ".badge{display:inline-block;font:600 13px system-ui,sans-serif;padding:2px 8px;"
    "border-radius:10px;background:#eee;color:#333}\n"
    ".badge.substantive{background:#ffe1e1;color:#8a1111}.badge.title_only{background:#fff0c2;"
    "color:#6b4e00}\n"
    ".badge.numbers{background:#e3ecff;color:#123c8a}"
    ".badge.timestamp,.badge.whitespace_punctuation,.badge.none{background:#e9f5e9;color:#245c24}\n"
    ".counts{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;"
    "font:14px system-ui,sans-serif}\n"
    ".counts b{font-weight:600}\n"
    "table.fields{font:14px system-ui,sans-serif;border-collapse:collapse;margin:.5rem 0}\n"
    "table.fields td{padding:2px 8px;vertical-align:top}\n"
    "del.d,.s-del{background:#ffd7d5;color:#82071e;text-decoration:line-through}\n"
    "ins.i,.s-ins{background:#ccffd8;color:#055d20;text-decoration:none}\n"
    ".s-move{background:#ddf4ff;border-bottom:2px solid #54aeff}\n"
    ".s-moved-from{color:#888;text-decoration:line-through dotted}\n"
    "p.removed{border-left:4px solid #ff8182;padding-left:.6rem}\n"
    "p.added{border-left:4px solid #4ac26b;padding-left:.6rem}\n"
    "p.changed{border-left:4px solid #d4a72c;padding-left:.6rem}\n"
    ".elided{color:#999;text-align:center;font:14px system-ui,sans-serif}\n";

std::string RenderHtml(const ArticleDiff& diff, const RenderOptions& options) {
  const ChangeSummary& s = diff.summary;
  const std::string title = diff.new_title.empty() ? options.new_label : diff.new_title;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>Changes: " + Escape(title) + "</title>\n<style>" + kHtmlStyle +
                    "</style>\n</head>\n<body>\n<header id=\"summary\"><div>\n";
  out += "<p class=\"meta\">" + Escape(options.old_label) + " &rarr; " + Escape(options.new_label) +
         " &middot; <span class=\"badge " + SignificanceName(s.significance) +
         "\" id=\"significance\">" + SignificanceName(s.significance) + "</span>" +
         (diff.coarse ? " &middot; coarse" : "") + "</p>\n";
  std::string h1;
  for (const FieldChange& f : diff.fields) if (f.field == "title") h1 = HtmlWords(f.words);
  if (h1.empty()) h1 = Escape(diff.new_title);
  if (!h1.empty()) out += "<h1 id=\"title\">" + h1 + "</h1>\n";
  out += "<ul class=\"counts\">"
         "<li><b>" + Num(s.sentences_added) + "</b> sentences added</li>"
         "<li><b>" + Num(s.sentences_removed) + "</b> removed</li>"
         "<li><b>" + Num(s.sentences_changed) + "</b> changed</li>"
         "<li><b>" + Num(s.sentences_moved) + "</b> moved</li>"
         "<li><b>" + Num(s.paragraphs_added) + "/" + Num(s.paragraphs_removed) + "/" +
         Num(s.paragraphs_changed) + "</b> paragraphs added/removed/changed</li>"
         "<li><b>+" + Num(s.words_added) + " &minus;" + Num(s.words_removed) +
         "</b> words</li></ul>\n";
  bool any_field = false;
  for (const FieldChange& f : diff.fields) {
    if (f.field == "title") continue;
    if (!any_field) out += "<table class=\"fields\">\n";
    any_field = true;
    out += "<tr><td>" + Escape(f.field) + "</td><td>" + HtmlWords(f.words) + "</td></tr>\n";
  }
  if (any_field) out += "</table>\n";
  out += "</div></header>\n<main id=\"body\">\n";
  std::vector<DisplayParagraph> groups = GroupParagraphs(diff);
  for (const DisplayParagraph& g : groups) {
    bool all_ins = true, all_del = true;
    for (const SentenceOp* op : g.ops) {
      all_ins = all_ins && op->kind == SentenceOpKind::kInsert;
      all_del = all_del && op->kind == SentenceOpKind::kDelete;
    }
    const char* cls = all_ins ? "added" : all_del ? "removed" : g.changed ? "changed" : "same";
    out += std::string("<p class=\"") + cls + "\">";
    bool first = true;
    for (const SentenceOp* op : g.ops) {
      if (!first) out += " ";
      first = false;
      switch (op->kind) {
        case SentenceOpKind::kEqual: out += Escape(op->new_text); break;
        case SentenceOpKind::kInsert:
          out += "<ins class=\"s-ins\">" + Escape(op->new_text) + "</ins>";
          break;
        case SentenceOpKind::kDelete:
          out += "<del class=\"s-del\">" + Escape(op->old_text) + "</del>";
          break;
        case SentenceOpKind::kChange:
          out += "<span class=\"s-change\" data-significance=\"" +
                 std::string(SignificanceName(op->significance)) + "\">" + HtmlWords(op->words) +
                 "</span>";
          break;
        case SentenceOpKind::kMove:
          out += "<span class=\"s-move\" title=\"moved from paragraph " +
                 Num(op->old_paragraph + 1) + "\">" +
                 (op->words.empty() ? Escape(op->new_text) : HtmlWords(op->words)) + "</span>";
          break;
      }
    }
    out += "</p>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

// ---- stat -------------------------------------------------------------------

std::string RenderStat(const ArticleDiff& diff, const RenderOptions& options) {
  const ChangeSummary& s = diff.summary;
  std::string out;
  out += "significance: " + std::string(SignificanceName(s.significance)) + " (body " +
         SignificanceName(s.body_significance) + ", title " +
         SignificanceName(s.title_significance) + ")\n";
  out += "sentences: " + Num(s.sentences_added) + " added, " + Num(s.sentences_removed) +
         " removed, " + Num(s.sentences_changed) + " changed, " + Num(s.sentences_moved) +
         " moved, " + Num(s.sentences_equal) + " unchanged\n";
  out += "paragraphs: " + Num(s.paragraphs_added) + " added, " + Num(s.paragraphs_removed) +
         " removed, " + Num(s.paragraphs_changed) + " changed, " + Num(s.paragraphs_moved) +
         " moved (" + Num(s.paragraphs_old) + " -> " + Num(s.paragraphs_new) + ")\n";
  const std::string plus = "+" + Num(s.words_added), minus = "-" + Num(s.words_removed);
  out += "words: " + (options.color ? kGreen + plus + kReset : plus) + " " +
         (options.color ? kRed + minus + kReset : minus) + "\n";
  out += std::string("title: ") + (s.title_changed ? "changed" : "unchanged") + "\n";
  if (s.metadata_changed > 0) {
    out += "metadata:";
    for (const FieldChange& f : diff.fields) if (f.field != "title") out += " " + f.field;
    out += "\n";
  }
  if (diff.coarse) out += "note: cost limit reached; parts of the diff are coarse\n";
  return out;
}

}  // namespace

const char* DiffFormatName(DiffFormat format) {
  switch (format) {
    case DiffFormat::kWord: return "word";
    case DiffFormat::kUnified: return "unified";
    case DiffFormat::kJson: return "json";
    case DiffFormat::kHtml: return "html";
    case DiffFormat::kStat: return "stat";
  }
  return "unknown";
}

Result<DiffFormat> ParseDiffFormat(std::string_view name) {
  for (DiffFormat f : {DiffFormat::kWord, DiffFormat::kUnified, DiffFormat::kJson,
                       DiffFormat::kHtml, DiffFormat::kStat}) {
    if (name == DiffFormatName(f)) return f;
  }
  return Status::InvalidArgument("unknown diff format \"" + std::string(name) +
                                 "\" (expected word, unified, json, html or stat)");
}

std::string RenderDiff(const ArticleDiff& diff, DiffFormat format, const RenderOptions& options) {
  switch (format) {
    case DiffFormat::kWord: return RenderWord(diff, options);
    case DiffFormat::kUnified: return RenderUnified(diff, options);
    case DiffFormat::kJson: return RenderJson(diff, options);
    case DiffFormat::kHtml: return RenderHtml(diff, options);
    case DiffFormat::kStat: return RenderStat(diff, options);
  }
  return std::string();
}

}  // namespace libdiff
