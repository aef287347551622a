#include "platform/http/server.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>

#include "platform/http/dispatcher.h"
#include "platform/http/metrics.h"

namespace houqin::http {
namespace {

// A fixed pool of workers taking jobs from one queue: handlers that touch the database run here, so a slow query
// never stalls the asio threads that read and write sockets.
class WorkerPool {
  public:
    explicit WorkerPool(std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) threads_.emplace_back([this] { Run(); });
    }
    ~WorkerPool() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& thread : threads_) thread.join();
    }
    void Post(std::function<void()> job) {
        {
            std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
        }
        Metrics::Instance().QueueDepth(1);
        ready_.notify_one();
    }

  private:
    void Run() {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
                if (jobs_.empty()) return;
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            Metrics::Instance().QueueDepth(-1);
            job();
        }
    }
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

std::string NewRequestId() {
    static std::atomic<std::uint64_t> counter{0};
    static const std::uint32_t kPrefix = randombytes_random();
    return fmt::format("{:08x}-{:x}", kPrefix, ++counter);
}

bool Trusted(const std::string& address, const std::vector<std::string>& trusted_proxies) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
}

std::string Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

HttpRequest ToRequest(const restinio::request_handle_t& handle, const ServerOptions& options) {
    HttpRequest request;
    const auto& header = handle->header();
    request.method = std::string(header.method().c_str());
    request.path = std::string(header.path());
    request.query = ParseQuery(header.query());
    for (const auto& field : header) {
        std::string name(field.name());
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        request.headers[name] = std::string(field.value());
    }
    request.cookies = ParseCookies(request.Header("cookie"));
    request.body = handle->body();
    request.ip = ClientAddress(handle->remote_endpoint().address().to_string(), request.Header("x-forwarded-for"),
                               options.trusted_proxies);
    request.request_id = NewRequestId();
    return request;
}

void Reply(const restinio::request_handle_t& handle, const HttpResponse& response, const std::string& request_id,
           const ServerOptions& options) {
    auto builder = handle->create_response(
        restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)}, ""});
    if (!response.content_type.empty())
        builder.append_header(restinio::http_field::content_type, response.content_type);
    builder.append_header("X-Request-Id", request_id);
    builder.append_header("X-Content-Type-Options", "nosniff");
    builder.append_header("X-Frame-Options", "SAMEORIGIN");  // reviewers preview the contract PDF in a frame
    builder.append_header("Referrer-Policy", "same-origin");
    builder.append_header("Content-Security-Policy",
                          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                          "frame-ancestors 'self'");
    if (options.behind_tls) builder.append_header("Strict-Transport-Security", "max-age=31536000");
    // Whatever does not say how it may be cached (every API answer and download: JSON, PDF, Excel with bank
    // accounts, attachments) is never stored by a browser or a proxy; the web UI's files say so themselves.
    bool cache_said = false;
    for (const auto& [name, value] : response.headers) {
        if (name == "Cache-Control") cache_said = true;
        if (name == "Set-Cookie" && options.behind_tls) {
            builder.append_header(name, value + "; Secure");
        } else {
            builder.append_header(name, value);
        }
    }
    if (!cache_said) builder.append_header("Cache-Control", "no-store");
    builder.set_body(response.body);
    builder.done();
}

struct ServerTraits : public restinio::default_traits_t {
    using logger_t = restinio::null_logger_t;  // NOLINT(readability-identifier-naming): the name restinio looks up
};

}  // namespace

std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
    if (forwarded_for.empty() || !Trusted(peer, trusted_proxies)) return peer;
    // Right to left: each trusted proxy appended the address it got the request from.
    std::string_view rest(forwarded_for);
    std::string client = peer;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        const auto entry = Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        if (entry.empty()) break;
        client = entry;
        if (!Trusted(entry, trusted_proxies)) break;
    }
    return client.size() <= 64 ? client : peer;
}

void Serve(Dispatcher& dispatcher, std::size_t database_pool_size, const ServerOptions& options) {
    WorkerPool workers(options.workers);
    // Password hashing (argon2id) is slow on purpose; it gets workers of its own so a burst of log-ins queues there.
    WorkerPool password_workers(std::max<std::size_t>(1, options.password_workers));
    Metrics::Instance().SetPoolSize(database_pool_size);
    spdlog::info("houqin serving http://{}:{} ({} I/O thread(s), {} worker(s), web: {})", options.host, options.port,
                 options.io_threads, options.workers, options.web_dir.empty() ? "none" : options.web_dir);
    restinio::run(
        restinio::on_thread_pool<ServerTraits>(options.io_threads)
            .address(options.host)
            .port(options.port)
            // Bodies above the largest route limit (10 MiB uploads) are cut off by the parser; below it each
            // route's own limit answers 413 with a message.
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(16 * 1024 * 1024))
            .read_next_http_message_timelimit(std::chrono::seconds(60))
            .handle_request_timeout(std::chrono::seconds(120))
            .request_handler([&dispatcher, &workers, &password_workers, &options](restinio::request_handle_t handle) {
                auto& pool = dispatcher.ChecksPassword(std::string(handle->header().method().c_str()),
                                                       std::string(handle->header().path()))
                                 ? password_workers
                                 : workers;
                pool.Post([&dispatcher, &options, handle = std::move(handle)] {
                    const auto started = std::chrono::steady_clock::now();
                    HttpRequest request = ToRequest(handle, options);
                    const HttpResponse response = dispatcher.Handle(request);
                    // Counted before the answer leaves: a client that reads /metrics right after an answer finds it
                    // counted.
                    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
                    Metrics::Instance().Record(request.method, response.status, elapsed.count());
                    Reply(handle, response, request.request_id, options);
                });
                return restinio::request_accepted();
            }));
    spdlog::info("houqin stopped");
}

}  // namespace houqin::http
