// Runs a command and reports its wall time, CPU time and peak memory (max RSS of the child, from wait4/rusage),
// without depending on /usr/bin/time.
//   measure REPORT_FILE command [args...]
// Appends `wall_s <seconds>`, `cpu_s <user+system seconds>`, `maxrss_kb <kB>` and `exit <code>` to
// REPORT_FILE; exits with the command's code.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: measure REPORT_FILE command [args...]\n");
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("measure: fork");
        return 1;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        std::perror("measure: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage ru {};
    if (wait4(pid, &status, 0, &ru) < 0) {
        std::perror("measure: wait4");
        return 1;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::FILE* out = std::fopen(argv[1], "a");
    if (!out) {
        std::perror("measure: report file");
        return 1;
    }
    const double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                       static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    std::fprintf(out, "wall_s %.6f\ncpu_s %.6f\nmaxrss_kb %ld\nexit %d\n", wall, cpu, ru.ru_maxrss, code);
    std::fclose(out);
    return code;
}
