#pragma once
// Entry point of the `kiln` command (main.cpp only calls this).
namespace kiln::cli {

/// Parses the command line, runs the subcommand and maps the outcome to an exit code:
/// 0 ok, 1 kiln::Error (printed as "NAME (0xVALUE): detail"), 2 usage error, 130 cancelled by Ctrl-C.
int run(int argc, char** argv);

}  // namespace kiln::cli
