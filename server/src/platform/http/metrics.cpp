#include "platform/http/metrics.h"

#include <fmt/format.h>

namespace houqin::http {

Metrics& Metrics::Instance() {
    static Metrics metrics;
    return metrics;
}

void Metrics::Record(const std::string& method, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{method, status}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++bucket_counts_[i];
    }
    ++count_;
    sum_ += seconds;
}

std::string Metrics::Render() const {
    std::lock_guard lock(mutex_);
    std::string text =
        "# HELP houqin_http_requests_total HTTP requests answered.\n# TYPE houqin_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        text +=
            fmt::format("houqin_http_requests_total{{method=\"{}\",status=\"{}\"}} {}\n", key.first, key.second, count);
    }
    text +=
        "# HELP houqin_http_request_duration_seconds Time from request to response.\n"
        "# TYPE houqin_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        text += fmt::format("houqin_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i],
                            bucket_counts_[i]);
    }
    text += fmt::format("houqin_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", count_);
    text += fmt::format("houqin_http_request_duration_seconds_sum {}\nhouqin_http_request_duration_seconds_count {}\n",
                        sum_, count_);
    text += fmt::format(
        "# HELP houqin_db_pool_size Database connections in the pool.\n# TYPE houqin_db_pool_size gauge\n"
        "houqin_db_pool_size {}\n",
        pool_size_.load());
    text += fmt::format(
        "# HELP houqin_worker_queue_depth Requests waiting for a worker.\n"
        "# TYPE houqin_worker_queue_depth gauge\nhouqin_worker_queue_depth {}\n",
        queue_depth_.load());
    return text;
}

}  // namespace houqin::http
