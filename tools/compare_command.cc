// Copyright 2026 The libdiff Authors.
//
// libdiff compare [--format text|json] [--html|--text] [--shingle-size N] A B
// Fingerprints two texts (or HTML pages) and prints the Hamming distance of
// their SimHashes, the estimated similarity (1 - d/32, floored at 0), whether
// the normalised texts are identical, how many of A's paragraphs B has, and the
// near-duplicate rule's answer (libdiff/near_duplicate.h): shingle containment
// of the smaller text in the larger, Jaccard similarity, duplicate or not.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "command.h"
#include "libdiff/near_duplicate.h"
#include "fingerprint_input.h"

namespace libdiff::tools {

namespace {

struct CompareFlags {
  std::string format = "text";
  FingerprintInputFlags input;
  std::string a;
  std::string b;
};

int RunCompare(const CompareFlags& flags) {
  Result<FingerprintedFile> a = FingerprintFile(flags.a, flags.input);
  if (!a.ok()) return ReportError(a.status().message());
  Result<FingerprintedFile> b = FingerprintFile(flags.b, flags.input);
  if (!b.ok()) return ReportError(b.status().message());
  const Fingerprint& fa = a->fingerprint;
  const Fingerprint& fb = b->fingerprint;
  const int distance = HammingDistance(fa.simhash, fb.simhash);
  const double similarity = EstimatedSimilarity(distance);
  const bool exact = fa.exact == fb.exact;
  size_t shared = 0;
  for (uint64_t h : fa.paragraph_hashes) {
    shared += std::find(fb.paragraph_hashes.begin(), fb.paragraph_hashes.end(), h) !=
              fb.paragraph_hashes.end();
  }
  const NearDuplicateMatch match = MatchNearDuplicate(fa, fb);
  if (flags.format == "json") {
    const nlohmann::json j = {
        {"a", {{"file", a->path}, {"simhash", Hex64(fa.simhash)}, {"exact", fa.exact.ToHex()},
               {"paragraphs", fa.paragraph_hashes.size()}, {"shingles", fa.shingle_count}}},
        {"b", {{"file", b->path}, {"simhash", Hex64(fb.simhash)}, {"exact", fb.exact.ToHex()},
               {"paragraphs", fb.paragraph_hashes.size()}, {"shingles", fb.shingle_count}}},
        {"distance", distance},
        {"similarity", similarity},
        {"exact_match", exact},
        {"shared_paragraphs", shared},
        {"near_duplicate",
         {{"duplicate", match.is_duplicate},
          {"containment", match.containment},
          {"similarity", match.similarity},
          {"reason", match.reason}}}};
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("a: %s  %s\nb: %s  %s\n", Hex64(fa.simhash).c_str(), a->path.c_str(),
                Hex64(fb.simhash).c_str(), b->path.c_str());
    std::printf("distance: %d of 64 bits\nsimilarity: %.3f\nexact match: %s\n", distance,
                similarity, exact ? "yes (same normalised text)" : "no");
    std::printf("shared paragraphs: %zu of %zu\n", shared, fa.paragraph_hashes.size());
    std::printf("near duplicate: %s (%s; containment %.3f, shingle similarity %.3f)\n",
                match.is_duplicate ? "yes" : "no", match.reason, match.containment,
                match.similarity);
  }
  std::fflush(stdout);
  return 0;
}

CommandRunner SetupCompare(CLI::App& app) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* sub = app.add_subcommand(
      "compare", "Compare two texts or HTML pages: SimHash distance and estimated similarity");
  sub->add_option("--format", flags->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddFingerprintInputOptions(sub, &flags->input);
  sub->add_option("a", flags->a, "The first text or page ('-' reads standard input)")->required();
  sub->add_option("b", flags->b, "The second text or page")->required();
  return [flags] { return RunCompare(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(compare, 30, SetupCompare);

}  // namespace libdiff::tools
