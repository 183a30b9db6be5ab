// What the subcommands share: loading the rules and opening the output.
#pragma once

#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>

#include "facts/extractor.h"

namespace kfacts::cli {

// Loads the rules of --rules, else $KFACTS_RULES, else the built-in ones.
std::unique_ptr<Extractor> load_extractor(const std::string& rules);

// Where output goes: stdout, or -o FILE (UsageError if it cannot be created).
class OutputStream {
public:
    explicit OutputStream(const std::string& path);
    std::ostream& get() { return file_.is_open() ? static_cast<std::ostream&>(file_) : std::cout; }
    bool is_stdout() const { return !file_.is_open(); }

private:
    std::ofstream file_;
};

}  // namespace kfacts::cli
