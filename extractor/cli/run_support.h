// What the subcommands share: loading the rules and opening the output.
#pragma once

#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "document/document.h"
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

// Refuses (UsageError) to write to `output` (standard output when it is empty
// or "-") when that is one of the files named in `inputs`, before anything is
// opened: opening it would destroy the input. A file that does not exist yet
// is compared by its canonical path.
void refuse_writing_an_input(const std::string& output, const std::vector<std::string>& inputs);

// The regular file `output` (standard output when it is empty or "-") is, once
// opened, for directory walks to skip; none when it is not a regular file.
std::vector<FileId> written_files(const std::string& output);

}  // namespace kfacts::cli
