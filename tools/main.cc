// Copyright 2026 The libdiff Authors.
//
// The libdiff command: one executable, small subcommands, each a thin layer over
// the library (see command.h).

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>

#include "command.h"
#include "libdiff/version.h"

namespace libdiff::tools {

std::vector<CommandRegistration>& CommandRegistry() {
  static std::vector<CommandRegistration> registry;
  return registry;
}

int ReportError(const std::string& message) {
  std::fprintf(stderr, "libdiff: %s\n", message.c_str());
  return 2;
}

}  // namespace libdiff::tools

int main(int argc, char** argv) {
  using namespace libdiff::tools;
  CLI::App app{"libdiff: detect new, unchanged, updated and duplicate news articles"};
  app.set_version_flag("--version", std::string("libdiff ") + LIBDIFF_VERSION_STRING);
  app.require_subcommand(1);
  int verbosity = 0;
  bool quiet = false;
  app.add_flag("-v,--verbose", verbosity, "More log output on stderr (repeatable)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");

  auto& registry = CommandRegistry();
  std::stable_sort(registry.begin(), registry.end(),
                   [](const auto& a, const auto& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, CommandRunner>> commands;
  for (const auto& reg : registry) {
    const size_t before = app.get_subcommands({}).size();
    CommandRunner run = reg.setup(app);
    auto subs = app.get_subcommands({});
    if (subs.size() > before) commands.emplace_back(subs.back(), std::move(run));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  auto logger = spdlog::stderr_color_mt("libdiff");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("libdiff: %l: %v");
  spdlog::set_level(quiet            ? spdlog::level::err
                    : verbosity >= 2 ? spdlog::level::debug
                    : verbosity == 1 ? spdlog::level::info
                                     : spdlog::level::warn);

  for (auto& [sub, run] : commands) {
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        return ReportError(std::string("internal error: ") + e.what());
      }
    }
  }
  return ReportError("no command given; see libdiff --help");
}
