// jhpc's C++ peer of the tutorial's 2-D diffusion program (written for jhpc's benchmark and golden checks).
// Same parameters, grid, initial condition and operation order as diff2d.py; prints the times as Python's
// print(float) does. Kernels: "two" = the slides' two sweeps (Laplacian grid, then update), "one" = one fused
// sweep, "omp" = the fused sweep with an OpenMP parallel for over rows (build with -fopenmp).
// usage: diff2d [--params FILE] [--set name=value]... [--kernel two|one|omp] [--save FILE.npy]
// stderr, last line: compute_seconds=<s> (time-stepping loop only)
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

struct Params { double D = 1.0, x1 = -10.0, x2 = 10.0, runtime = 15.0, dx = 0.1, outtime = 0.5; };

static void assign(Params& p, std::string stmt) {
  auto eq = stmt.find('=');
  if (eq == std::string::npos) return;
  auto trim = [](std::string s) { s.erase(0, s.find_first_not_of(" \t\r")); s.erase(s.find_last_not_of(" \t\r") + 1); return s; };
  std::string name = trim(stmt.substr(0, eq)), value = trim(stmt.substr(eq + 1));
  if (name == "graphics") return;
  double v = std::strtod(value.c_str(), nullptr);
  if (name == "D") p.D = v; else if (name == "x1") p.x1 = v; else if (name == "x2") p.x2 = v;
  else if (name == "runtime") p.runtime = v; else if (name == "dx") p.dx = v; else if (name == "outtime") p.outtime = v;
  else { std::fprintf(stderr, "unknown parameter %s\n", name.c_str()); std::exit(2); }
}

// Python's repr(float): shortest round-trip digits, fixed for decimal exponents in [-4, 16), else d.ddde+XX.
static std::string pyrepr(double v) {
  if (v == 0) return std::signbit(v) ? "-0.0" : "0.0";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, r.ptr);
  std::string sign;
  if (s[0] == '-') { sign = "-"; s = s.substr(1); }
  auto e = s.find('e');
  int exp10 = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i) if (s[i] != '.') digits += s[i];
  int decpt = exp10 + 1;
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) out = "0." + std::string(-decpt, '0') + digits;
    else if (decpt >= (int)digits.size()) out = digits + std::string(decpt - digits.size(), '0') + ".0";
    else out = digits.substr(0, decpt) + "." + digits.substr(decpt);
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char ex[16];
    std::snprintf(ex, sizeof ex, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out += ex;
  }
  return sign + out;
}

int main(int argc, char** argv) {
  Params p;
  std::string kernel = "two", save;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    if (arg == "--params" && a + 1 < argc) {
      std::ifstream f(argv[++a]);
      std::string line;
      while (std::getline(f, line)) {
        line = line.substr(0, line.find('#'));
        std::stringstream ss(line);
        std::string stmt;
        while (std::getline(ss, stmt, ';')) assign(p, stmt);
      }
    } else if (arg == "--set" && a + 1 < argc) assign(p, argv[++a]);
    else if (arg == "--kernel" && a + 1 < argc) kernel = argv[++a];
    else if (arg == "--save" && a + 1 < argc) save = argv[++a];
    else { std::fprintf(stderr, "usage: diff2d [--params F] [--set n=v] [--kernel two|one|omp] [--save F]\n"); return 2; }
  }
  const int nrows = int((p.x2 - p.x1) / p.dx), npnts = nrows + 2;
  const double dx = (p.x2 - p.x1) / nrows, dt = 0.25 * (dx * dx) / p.D;
  const long nsteps = long(p.runtime / dt);
  long nper = long(p.outtime / dt);
  if (nper == 0) nper = 1;
  const double coef = (p.D / (dx * dx)) * dt;
  const size_t n = npnts;
  std::vector<double> prof(n, 0.0), a(n * n, 0.0), b(n * n, 0.0), lapl(n * n, 0.0);
  for (int i = 1; i < npnts - 1; ++i) {
    double x = p.x1 + ((i - 1) * (p.x2 - p.x1)) / nrows;
    prof[i] = 1 - std::fabs(1 - 4 * std::fabs((x - (p.x1 + p.x2) / 2) / (p.x2 - p.x1)));
  }
  for (size_t i = 1; i + 1 < n; ++i) for (size_t j = 1; j + 1 < n; ++j) a[i * n + j] = prof[i] * prof[j];
  double* cur = a.data();
  double* nxt = b.data();
  double* L = lapl.data();
  double simtime = 0 * dt;
  std::printf("%s\n", pyrepr(simtime).c_str());
  std::fflush(stdout);
  double secs = 0;
  for (long s = 0; s < nsteps; ++s) {
    auto t0 = std::chrono::steady_clock::now();
    if (kernel == "two") {
      for (size_t i = 1; i + 1 < n; ++i)
        for (size_t j = 1; j + 1 < n; ++j)
          L[i * n + j] = cur[(i + 1) * n + j] + cur[(i - 1) * n + j] + cur[i * n + j + 1] + cur[i * n + j - 1] - 4 * cur[i * n + j];
      for (size_t i = 1; i + 1 < n; ++i)
        for (size_t j = 1; j + 1 < n; ++j) nxt[i * n + j] = cur[i * n + j] + coef * L[i * n + j];
    } else {
#pragma omp parallel for schedule(static) if (kernel == "omp")
      for (size_t i = 1; i < n - 1; ++i) {
        const double* c = cur + i * n;
        double* o = nxt + i * n;
        for (size_t j = 1; j + 1 < n; ++j)
          o[j] = c[j] + coef * (c[j + n] + c[j - n] + c[j + 1] + c[j - 1] - 4 * c[j]);
      }
    }
    secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::swap(cur, nxt);
    simtime += dt;
    if ((s + 1) % nper == 0) { std::printf("%s\n", pyrepr(simtime).c_str()); std::fflush(stdout); }
  }
  if (!save.empty()) {
    std::FILE* f = std::fopen(save.c_str(), "wb");
    std::string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + std::to_string(n) + ", " + std::to_string(n) + "), }";
    size_t total = (10 + dict.size() + 1 + 63) / 64 * 64;
    dict += std::string(total - 10 - dict.size() - 1, ' ') + "\n";
    unsigned short hl = (unsigned short)dict.size();
    std::fwrite("\x93NUMPY\x01\x00", 1, 8, f);
    std::fwrite(&hl, 2, 1, f);
    std::fwrite(dict.data(), 1, dict.size(), f);
    std::fwrite(cur, sizeof(double), n * n, f);
    std::fclose(f);
  }
  std::fprintf(stderr, "compute_seconds=%.9f\n", secs);
  return 0;
}
