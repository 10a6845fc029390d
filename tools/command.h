// Copyright 2026 The libdiff Authors.
//
// The libdiff command's subcommands. Each lives in its own <name>_command.cc and
// registers itself with LIBDIFF_REGISTER_COMMAND; main.cc adds them all to the
// CLI11 application in `order`, so `libdiff --help` lists them in pipeline order.
//
// A command's setup function adds a CLI::App subcommand and returns the function
// that runs it. Runners return the process exit status: 0 on success, 2 on error
// (after printing one line "libdiff: <file>: <reason>" to stderr); diff(1)-like
// commands may also return 1.
#ifndef LIBDIFF_TOOLS_COMMAND_H_
#define LIBDIFF_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace libdiff::tools {

using CommandRunner = std::function<int()>;
using CommandSetup = std::function<CommandRunner(CLI::App& app)>;

struct CommandRegistration {
  int order;  // position in --help: extract 10, fingerprint 20, compare 30, ingest 40, ...
  CommandSetup setup;
};

std::vector<CommandRegistration>& CommandRegistry();

struct CommandRegistrar {
  CommandRegistrar(int order, CommandSetup setup) {
    CommandRegistry().push_back({order, std::move(setup)});
  }
};

// Prints "libdiff: <message>" to stderr; returns 2 (the error exit status).
int ReportError(const std::string& message);

}  // namespace libdiff::tools

#define LIBDIFF_REGISTER_COMMAND(name, order, setup) \
  static ::libdiff::tools::CommandRegistrar libdiff_register_##name##_command(order, setup)

#endif  // LIBDIFF_TOOLS_COMMAND_H_
