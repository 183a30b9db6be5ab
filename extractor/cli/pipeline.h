// Reading, extracting and formatting documents, with N worker threads, and
// handing them over strictly in input order. Documents are read in order
// into a bounded window: at most `window` documents, and 256 KB of input per
// thread plus the document last read, are between being read and being
// handed over, so memory stays bounded whatever the input. A worker
// takes the documents that wait for it together, up to 8 documents or 64 KB:
// busy workers take several at once, and a streamed record is never held back
// waiting for the next.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "document/document.h"
#include "facts/extractor.h"
#include "facts/fact.h"

namespace kfacts::cli {

struct ExtractedDocument {
    Document doc;
    std::vector<Fact> facts;
    std::string rendered;  // what the format step wrote, if there is one
};

// Runs in a worker thread after extraction: formats the document into
// `rendered`. It must not touch shared state.
using FormatStep = std::function<void(ExtractedDocument&)>;
// Runs in the calling thread, once per document, in input order.
using DeliverStep = std::function<void(ExtractedDocument&&)>;

struct PipelineOptions {
    unsigned jobs = 1;       // extraction threads; 1 runs everything in the calling thread
    std::size_t window = 0;  // documents in flight at most; 0: 32 per job (four batches)
    ReadLimits limits;
    std::vector<FileId> outputs;  // the files the run writes, which directory walks skip
};

// Reads every document behind `paths` (see read_inputs), extracts its facts,
// formats it when `format` is given, and delivers it. An exception from any
// step stops the run and is rethrown here.
void run_pipeline(const std::vector<std::string>& paths, const Extractor& extractor, const ExtractOptions& options,
                  const PipelineOptions& pipeline, const FormatStep& format, const DeliverStep& deliver);

}  // namespace kfacts::cli
