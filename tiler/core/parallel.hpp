#pragma once
// A work queue over items 0..n-1 shared by a few threads: the one pattern every stage uses (zoom levels,
// days, tile subtrees, buffers to compress). The caller's thread is worker 0.
#include <cstddef>
#include <functional>

namespace tiler {

/// Workers that parallel_for starts for `n` items and `jobs` requested: min(jobs, n), at least 1.
unsigned parallel_workers(std::size_t n, unsigned jobs);

/// Runs `work(item, worker)` for every item in [0, n) on parallel_workers(n, jobs) threads (worker 0 is the
/// calling thread), items taken in increasing order. After the first exception no further item starts; once
/// every thread has finished, that exception is rethrown. `worker_exit(worker)`, if given, runs at the end of
/// every started thread other than the caller's (e.g. to release thread-local library buffers).
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t item, unsigned worker)>& work,
                  const std::function<void(unsigned worker)>& worker_exit = {});

} // namespace tiler
