// Copyright 2026 The libdiff Authors.
//
// The inputs of a dedupe run: checking them and putting them in walk order
// (ResolveInputs; listed pages merged in by MergePages), then walking
// directories and WARC files so that every
// document is numbered in byte order of its name and queued for the workers.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dedupe/dedupe_run.h"
#include "libdiff/warc.h"

namespace libdiff::internal {

bool DedupeRun::WalkTree(const std::string& root, const std::string& prefix) {
  // Depth first; each directory's entries sorted by name, a directory's name
  // compared with '/' appended: the files come in byte order of their
  // relative paths ("a.txt" < "a/b" < "a0"), so a file's number is its rank.
  struct Entry {
    std::string key;  // name, plus '/' for a directory
    bool dir = false;
  };
  struct Dir {
    std::string full;
    std::string rel;  // "" for the root, else ending in '/'
    std::vector<Entry> entries;
    size_t next = 0;
  };
  std::set<std::pair<dev_t, ino_t>> visited;
  auto open_dir = [&](std::string dir_full, std::string dir_rel) {
    Dir dir{std::move(dir_full), std::move(dir_rel), {}, 0};
    const std::string shown = dir.rel.empty() ? "." : dir.rel.substr(0, dir.rel.size() - 1);
    std::error_code ec;
    std::filesystem::directory_iterator it(dir.full, ec);
    if (ec) {
      Skip(shown, "unreadable", ec.message());
      return dir;
    }
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const std::string name = it->path().filename().string();
      const std::string full_name = dir.full + "/" + name;
      const std::string rel = dir.rel + name;
      struct stat target {};
      if (::stat(full_name.c_str(), &target) != 0) {
        const int err = errno;
        Skip(rel, err == ELOOP ? "symlink loop" : "unreadable", std::strerror(err));
      } else if (S_ISDIR(target.st_mode)) {
        if (!visited.insert({target.st_dev, target.st_ino}).second) {
          Skip(rel, "symlink loop", "directory already visited");
        } else {
          dir.entries.push_back({name + "/", true});
        }
      } else if (S_ISREG(target.st_mode)) {
        if (rel.size() > internal::PathArena::kMaxPath) {  // stat() refuses such paths first
          Skip(rel.substr(0, 256), "unreadable", "path too long");
        } else {
          dir.entries.push_back({name, false});
        }
      } else {
        Skip(rel, "unreadable", "not a regular file");
      }
    }
    if (ec) Skip(shown, "unreadable", ec.message());
    std::sort(dir.entries.begin(), dir.entries.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });
    return dir;
  };
  struct stat st {};
  if (::stat(root.c_str(), &st) == 0) visited.insert({st.st_dev, st.st_ino});
  std::vector<Dir> stack;
  stack.push_back(open_dir(root, prefix));
  while (!stack.empty()) {
    Dir& top = stack.back();
    if (top.next == top.entries.size()) {
      stack.pop_back();
      continue;
    }
    const Entry& e = top.entries[top.next++];
    if (e.dir) {
      const std::string name = e.key.substr(0, e.key.size() - 1);
      std::string full = top.full + "/" + name;
      std::string rel = top.rel + e.key;
      stack.push_back(open_dir(std::move(full), std::move(rel)));  // invalidates `top`
      continue;
    }
    WorkItem item;
    item.full_path = top.full + "/" + e.key;
    item.rel_path = top.rel + e.key;
    if (IsWarcFileName(e.key) ? !WalkWarc(item.full_path, item.rel_path)
                              : !Enqueue(std::move(item))) {
      return false;
    }
  }
  return true;
}

Status DedupeRun::ResolveInputs() {
  if (inputs_.empty() && pages_.empty()) {
    return Status::InvalidArgument("dedupe: no input given");
  }
  struct Key {
    std::string order;  // the name, with '/' appended for a directory
    std::filesystem::path canonical;
  };
  std::vector<std::pair<Key, Input>> found;
  for (std::string path : inputs_) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0) {
      const int err = path.empty() ? ENOENT : errno;
      if (err == ENOENT) {
        return Status::NotFound("dedupe: " + path + ": no such file or directory");
      }
      return Status::IOError("dedupe: " + path + ": " + std::strerror(err));
    }
    Input in;
    in.path = path;
    if (S_ISDIR(st.st_mode)) {
      in.kind = Input::Kind::kDirectory;
    } else if (S_ISREG(st.st_mode)) {
      in.kind = IsWarcFileName(path) ? Input::Kind::kWarc : Input::Kind::kFile;
    } else {
      return Status::InvalidArgument("dedupe: " + path + ": not a directory or a regular file");
    }
    std::error_code ec;
    Key key{path, std::filesystem::weakly_canonical(path, ec)};
    if (ec) key.canonical = path;
    if (in.kind == Input::Kind::kDirectory && path != "/") key.order += '/';
    found.emplace_back(std::move(key), std::move(in));
  }
  // Inputs in byte order of their names, a directory's with '/' appended:
  // then every name of one input sorts before every name of the next, and
  // the file numbers are ranks over all inputs, as within one directory.
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first.order < b.first.order; });
  for (size_t i = 0; i < found.size(); ++i) {
    for (size_t j = 0; j < found.size(); ++j) {
      if (i == j) continue;
      const std::string a = found[i].first.canonical.string();
      const std::string b = found[j].first.canonical.string();
      const bool inside = found[i].second.kind == Input::Kind::kDirectory &&
                          b.size() > a.size() && b.compare(0, a.size(), a) == 0 &&
                          (a.back() == '/' || b[a.size()] == '/');
      if ((i < j && a == b) || inside) {
        return Status::InvalidArgument("dedupe: " + found[j].second.path + ": given twice (" +
                                       (a == b ? "same as " : "inside ") +
                                       found[i].second.path + ")");
      }
    }
  }
  for (auto& [key, in] : found) resolved_.push_back(std::move(in));
  return MergePages();
}

Status DedupeRun::MergePages() {
  if (pages_.empty()) return Status::OK();
  std::vector<const DedupePage*> pages;
  pages.reserve(pages_.size());
  for (const DedupePage& p : pages_) {
    if (p.url.empty()) return Status::InvalidArgument("dedupe: page " + p.path + ": no URL");
    if (p.path.empty()) return Status::InvalidArgument("dedupe: page " + p.url + ": no path");
    pages.push_back(&p);
  }
  // Pages are named by their paths as given and take their place among the
  // other inputs in byte order of those names. No syscall per page: they are
  // compared with the inputs as given (a page that cannot be read is
  // skipped by its worker).
  std::sort(pages.begin(), pages.end(),
            [](const DedupePage* a, const DedupePage* b) { return a->path < b->path; });
  auto order_of = [](const Input& in) {
    return in.kind == Input::Kind::kDirectory && in.path != "/" ? in.path + "/" : in.path;
  };
  for (const Input& in : resolved_) {
    const std::string key = order_of(in);
    auto it = std::lower_bound(
        pages.begin(), pages.end(), key,
        [](const DedupePage* p, const std::string& k) { return p->path < k; });
    if (it == pages.end()) continue;
    const bool inside = in.kind == Input::Kind::kDirectory &&
                        (*it)->path.compare(0, key.size(), key) == 0;
    if ((*it)->path == in.path || inside) {
      return Status::InvalidArgument("dedupe: " + (*it)->path + ": given twice (" +
                                     (inside ? "inside " : "same as ") + in.path + ")");
    }
  }
  for (size_t i = 1; i < pages.size(); ++i) {
    if (pages[i]->path == pages[i - 1]->path) {
      return Status::InvalidArgument("dedupe: " + pages[i]->path + ": listed twice");
    }
  }
  std::vector<Input> merged;
  merged.reserve(resolved_.size() + pages.size());
  size_t next = 0;
  for (Input& in : resolved_) {
    const std::string key = order_of(in);
    for (; next < pages.size() && pages[next]->path < key; ++next) {
      merged.push_back(Input{Input::Kind::kPage, "", pages[next]});
    }
    merged.push_back(std::move(in));
  }
  for (; next < pages.size(); ++next) {
    merged.push_back(Input{Input::Kind::kPage, "", pages[next]});
  }
  resolved_.swap(merged);
  return Status::OK();
}

void DedupeRun::Walk() {
  // One directory names its files relative to itself; with several inputs
  // every name starts with the input as given.
  const bool several = resolved_.size() > 1;
  for (const Input& in : resolved_) {
    bool go_on = true;
    switch (in.kind) {
      case Input::Kind::kDirectory:
        go_on = WalkTree(in.path, !several ? "" : in.path == "/" ? "/" : in.path + "/");
        break;
      case Input::Kind::kWarc:
        go_on = WalkWarc(in.path, in.path);  // members are "<the path as given>#OFFSET"
        break;
      case Input::Kind::kFile: {
        WorkItem item;
        item.full_path = in.path;
        item.rel_path = in.path;
        go_on = Enqueue(std::move(item));
        break;
      }
      case Input::Kind::kPage: {
        const DedupePage& page = *in.page;
        if (page.path.size() > internal::PathArena::kMaxPath) {
          Skip(page.path.substr(0, 256), "unreadable", "path too long");
          break;
        }
        WorkItem item;
        item.full_path = page.path;
        item.rel_path = page.path;
        item.url = page.url;
        item.listed = true;
        item.fetched_at = page.fetched_at;
        go_on = Enqueue(std::move(item));
        break;
      }
    }
    if (!go_on) break;
  }
  walk_finished_.store(true);
  queue_.Close();
}

bool DedupeRun::Enqueue(WorkItem item) {
  if (paths_.size() == kMaxFiles) {  // file numbers are 32-bit
    too_many_files_.store(true);
    return false;
  }
  item.doc = paths_.Add(item.rel_path);
  urls_.Add(item.url.size() <= internal::PathArena::kMaxPath ? item.url : "");
  files_found_.fetch_add(1, std::memory_order_relaxed);
  queue_.Push(std::move(item));
  return true;
}

bool DedupeRun::WalkWarc(const std::string& full, const std::string& rel) {
  // Read here, in walk order, so members are numbered in archive order; the
  // workers get each member's HTML in its queue item (bounded by the queue).
  WarcReaderOptions wo;
  wo.max_record_bytes = std::max(options_.max_file_bytes, options_.max_decompressed_bytes);
  auto reader = WarcReader::Open(full, wo);
  if (!reader.ok()) {
    Skip(rel, "unreadable", reader.status().message());
    return true;
  }
  uint64_t counted = 0;
  auto count_bytes = [&] {
    const uint64_t now = (*reader)->stats().bytes_in;
    bytes_done_.fetch_add(now - counted, std::memory_order_relaxed);
    std::lock_guard lock(mu_);
    counts_.bytes += now - counted;
    counted = now;
  };
  bool go_on = true;
  for (;;) {
    WarcRecord record;
    Result<bool> more = (*reader)->Next(&record);
    if (!more.ok()) {  // what came before the damage is kept
      Skip(rel, "unreadable", more.status().message());
      break;
    }
    if (!*more) break;
    const std::string member = rel + "#" + std::to_string(record.offset);
    if (record.type == WarcRecordType::kRevisit) {
      Skip(member, "revisit", "of " + record.refers_to_url + " " + record.refers_to_date);
      continue;
    }
    WorkItem item;
    item.rel_path = member;
    item.warc_member = true;
    item.url = std::move(record.url);
    item.content_type = std::move(record.content_type);
    item.html = std::move(record.body);
    if (!Enqueue(std::move(item))) {
      go_on = false;
      break;
    }
    count_bytes();
  }
  count_bytes();
  const WarcStats& stats = (*reader)->stats();
  std::lock_guard lock(mu_);
  counts_.not_html += stats.not_html;
  counts_.too_large += stats.too_large;
  return go_on;
}

}  // namespace libdiff::internal
