#include "cli/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace kfacts::cli {
namespace {

void process(ExtractedDocument& item, const Extractor& extractor, const ExtractOptions& options,
             const FormatStep& format) {
    // A document that could not be read has nothing to extract from.
    if (!item.doc.has_error() || !item.doc.source.empty()) item.facts = extractor.extract(item.doc, options);
    if (format) format(item);
}

// Thrown inside read_inputs' sink to end reading early when the run stops.
struct Stopped {};

// Documents read in turn, taken by one worker together.
struct Batch {
    std::size_t first = 0;  // sequence number of docs[0]
    std::vector<Document> docs;
    std::size_t bytes = 0;
};

constexpr std::size_t kBatchDocuments = 8;
constexpr std::size_t kBatchBytes = 64u << 10;

// Analysing a document takes up to some 300 bytes of memory for each of its
// bytes when it is dense in names or numbers (docs/limits.md: 75 MB for
// 256 KiB of `1점 `), news text a third of that. The workers together
// analyse at most kAnalysisBudget of such estimates at once, so that
// `-j N` stays under 100 MB whatever arrives: a news article (4 KB, about
// 1 MB) never waits, two documents at the size limit run one after the
// other. One document alone always runs, whatever its estimate.
constexpr std::size_t kAnalysisBytesPerByte = 300;
constexpr std::size_t kAnalysisBudget = 72u << 20;

class OrderedRun {
public:
    OrderedRun(const Extractor& extractor, const ExtractOptions& options, const PipelineOptions& pipeline,
               const FormatStep& format)
        : extractor_(extractor), options_(options), format_(format),
          window_(pipeline.window > 0 ? pipeline.window : 4 * kBatchDocuments * pipeline.jobs),
          window_bytes_(4 * kBatchBytes * pipeline.jobs) {}

    void run(const std::vector<std::string>& paths, const PipelineOptions& pipeline, const DeliverStep& deliver) {
        std::thread reader([&] { read(paths, pipeline); });
        std::vector<std::thread> workers;
        for (unsigned i = 0; i < pipeline.jobs; ++i) workers.emplace_back([&] { work(); });
        try {
            hand_over(deliver);
        } catch (...) {
            stop(std::current_exception());
        }
        reader.join();
        for (std::thread& t : workers) t.join();
        if (error_) std::rethrow_exception(error_);
    }

private:
    void stop(std::exception_ptr error) {
        const std::lock_guard lock(mutex_);
        if (!error_) error_ = error;
        stopping_ = true;
        analysis_room_.notify_all();
        space_.notify_all();
        work_.notify_all();
        done_.notify_all();
    }

    void read(const std::vector<std::string>& paths, const PipelineOptions& pipeline) {
        try {
            read_inputs(paths, pipeline.limits, [&](Document&& doc) {
                std::unique_lock lock(mutex_);
                // A document joins the batch that waits at the end of the queue,
                // so busy workers take several at once (one wake-up, not one
                // each) and an idle one takes whatever is there.
                if (queue_.empty() || queue_.back().docs.size() >= kBatchDocuments ||
                    queue_.back().bytes >= kBatchBytes) {
                    queue_.emplace_back();
                    queue_.back().first = next_read_;
                    work_.notify_one();
                }
                queue_.back().bytes += doc.source.size();
                bytes_in_flight_ += doc.source.size();
                queue_.back().docs.push_back(std::move(doc));
                ++next_read_;
                space_.wait(lock, [&] {
                    return stopping_ || (next_read_ < next_delivered_ + window_ && bytes_in_flight_ < window_bytes_);
                });
                if (stopping_) throw Stopped{};
            }, pipeline.outputs);
        } catch (const Stopped&) {
        } catch (...) {
            stop(std::current_exception());
        }
        const std::lock_guard lock(mutex_);
        reading_done_ = true;
        work_.notify_all();
        done_.notify_all();
    }

    // glibc keeps what each worker thread's arena freed; with several threads
    // that adds up to tens of MB over a long run. Returning it every 512
    // documents, and after each document whose analysis took much of the
    // budget (each thread's arena would keep its own such peak), keeps peak
    // RSS flat at no measurable cost.
    static void trim_heap_now_and_then(std::size_t analysis_reserved) {
#ifdef __GLIBC__
        thread_local std::size_t documents = 0;
        if (++documents % 512 == 0 || analysis_reserved >= kAnalysisBudget / 4) ::malloc_trim(0);
#else
        (void)analysis_reserved;
#endif
    }

    void work() {
        while (true) {
            Batch batch;
            {
                std::unique_lock lock(mutex_);
                work_.wait(lock, [&] { return stopping_ || !queue_.empty() || reading_done_; });
                if (stopping_ || queue_.empty()) return;
                batch = std::move(queue_.front());
                queue_.pop_front();
            }
            std::vector<ExtractedDocument> items(batch.docs.size());
            try {
                for (std::size_t i = 0; i < items.size(); ++i) {
                    items[i].doc = std::move(batch.docs[i]);
                    const std::size_t need = reserve_analysis(items[i].doc.source.size());
                    try {
                        process(items[i], extractor_, options_, format_);
                    } catch (...) {
                        release_analysis(need);
                        throw;
                    }
                    trim_heap_now_and_then(need);  // before the next large document may start
                    release_analysis(need);
                }
            } catch (...) {
                stop(std::current_exception());
                return;
            }
            const std::lock_guard lock(mutex_);
            finished_.emplace(batch.first, std::move(items));
            done_.notify_all();
        }
    }

    // Waits until the analysis of a document of `bytes` fits in the budget
    // beside the others in flight; returns what it reserved.
    std::size_t reserve_analysis(std::size_t bytes) {
        const std::size_t need = std::min(bytes * kAnalysisBytesPerByte, kAnalysisBudget);
        std::unique_lock lock(mutex_);
        analysis_room_.wait(lock, [&] { return stopping_ || analysis_reserved_ + need <= kAnalysisBudget; });
        analysis_reserved_ += need;
        return need;
    }

    void release_analysis(std::size_t need) {
        const std::lock_guard lock(mutex_);
        analysis_reserved_ -= need;
        analysis_room_.notify_all();
    }

    void hand_over(const DeliverStep& deliver) {
        while (true) {
            std::vector<ExtractedDocument> items;
            {
                std::unique_lock lock(mutex_);
                done_.wait(lock, [&] {
                    return stopping_ || finished_.count(next_delivered_) ||
                           (reading_done_ && next_delivered_ == next_read_);
                });
                if (stopping_ || !finished_.count(next_delivered_)) return;
                auto node = finished_.extract(next_delivered_);
                items = std::move(node.mapped());
            }
            std::size_t bytes = 0;
            for (ExtractedDocument& item : items) {
                bytes += item.doc.source.size();
                deliver(std::move(item));
            }
            const std::lock_guard lock(mutex_);
            next_delivered_ += items.size();
            bytes_in_flight_ -= bytes;
            space_.notify_one();
        }
    }

    const Extractor& extractor_;
    const ExtractOptions& options_;
    const FormatStep& format_;
    const std::size_t window_;
    const std::size_t window_bytes_;  // source bytes in flight at most, but for the last document read

    std::mutex mutex_;
    std::condition_variable space_;  // the reader waits for room in the window
    std::condition_variable work_;   // workers wait for documents
    std::condition_variable done_;   // the delivering thread waits for the next document
    std::condition_variable analysis_room_;  // workers wait for room in the analysis budget
    std::size_t analysis_reserved_ = 0;
    std::deque<Batch> queue_;                                        // read, not yet taken by a worker
    std::map<std::size_t, std::vector<ExtractedDocument>> finished_;  // extracted batches by first sequence number
    std::size_t next_read_ = 0;
    std::size_t next_delivered_ = 0;
    std::size_t bytes_in_flight_ = 0;
    bool reading_done_ = false;
    bool stopping_ = false;
    std::exception_ptr error_;
};

}  // namespace

void run_pipeline(const std::vector<std::string>& paths, const Extractor& extractor, const ExtractOptions& options,
                  const PipelineOptions& pipeline, const FormatStep& format, const DeliverStep& deliver) {
    if (pipeline.jobs <= 1) {
        read_inputs(paths, pipeline.limits, [&](Document&& doc) {
            ExtractedDocument item;
            item.doc = std::move(doc);
            process(item, extractor, options, format);
            deliver(std::move(item));
        }, pipeline.outputs);
        return;
    }
    OrderedRun(extractor, options, pipeline, format).run(paths, pipeline, deliver);
}

}  // namespace kfacts::cli
