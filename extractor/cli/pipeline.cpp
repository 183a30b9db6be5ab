#include "cli/pipeline.h"

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
    // documents keeps peak RSS flat at no measurable cost.
    static void trim_heap_now_and_then() {
#ifdef __GLIBC__
        thread_local std::size_t documents = 0;
        if (++documents % 512 == 0) ::malloc_trim(0);
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
                    process(items[i], extractor_, options_, format_);
                    trim_heap_now_and_then();
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
