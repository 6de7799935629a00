//go:build unix

package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/exlint/exlint/internal/topogen"
)

// The configuration and the baseline are read only from regular files of a
// bounded size: a committed link to /dev/zero or to a file outside the
// repository, a FIFO, or a device named on the command line is an error
// (exit 2) at once, not a read without end.
func TestConfigAndBaselineFiles(t *testing.T) {
	repo := configRepo(t, "")
	cfg := filepath.Join(repo, ".exlint.hcl")
	check := func(name string, getenv env, wantErr string, args ...string) {
		t.Helper()
		_, stderr, code := runIn(t, repo, "", getenv, args...)
		if code != 2 || !strings.Contains(stderr, wantErr) {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and %q", name, code, stderr, wantErr)
		}
	}
	for _, target := range []string{"/dev/zero", "/etc/passwd"} {
		os.Remove(cfg)
		os.Symlink(target, cfg)
		for _, args := range [][]string{{"check", "topo"}, {"config"}, {"fmt", "--check", "topo"}} {
			check(".exlint.hcl -> "+target, noEnv, "is a symbolic link to "+target+", outside "+repo, args...)
		}
	}
	// Outside a repository, the search is the working directory only, and
	// a link must stay in it.
	os.RemoveAll(filepath.Join(repo, ".git"))
	check("no repository", noEnv, "outside "+repo, "config")
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)

	// A link inside the repository is followed.
	os.Remove(cfg)
	os.WriteFile(filepath.Join(repo, "shared.hcl"), []byte("fail_on = \"warning\"\n"), 0o644)
	os.Symlink("shared.hcl", cfg)
	if out, _, code := runIn(t, repo, "", noEnv, "config"); code != 0 || !strings.Contains(out, `fail_on               = "warning"`) {
		t.Errorf("a link inside the repository: exit %d\n%s", code, out)
	}

	// A FIFO found by the search, or named, is refused without waiting for
	// a writer.
	os.Remove(cfg)
	if err := syscall.Mkfifo(cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	check("a FIFO .exlint.hcl", noEnv, "not a regular file (a FIFO)", "config")
	os.Remove(cfg)
	fifo := filepath.Join(repo, "fifo")
	syscall.Mkfifo(fifo, 0o644)
	check("--config FIFO", noEnv, "not a regular file (a FIFO)", "config", "--config", fifo)
	check("--config /dev/zero", noEnv, "not a regular file (a character device)", "check", "--config", "/dev/zero", "topo")
	check("EXLINT_CONFIG=/dev/zero", func(k string) string {
		if k == "EXLINT_CONFIG" {
			return "/dev/zero"
		}
		return ""
	}, "not a regular file (a character device)", "config")
	check("--baseline /dev/zero", noEnv, "not a regular file (a character device)", "check", "--baseline", "/dev/zero", "topo")
	check("--baseline FIFO", noEnv, "not a regular file (a FIFO)", "check", "--baseline", fifo, "topo")

	// Sizes: the limit, and the real size in the message.
	big := filepath.Join(repo, "big.hcl")
	os.WriteFile(big, []byte(strings.Repeat("# x\n", 300000)), 0o644)
	check("a configuration of 1.2 MB", noEnv, "the file is 1200000 bytes; exlint reads at most 1048576 here", "config", "--config", big)
	huge := filepath.Join(repo, "huge.json")
	f, _ := os.Create(huge)
	f.Truncate(100 << 20) // sparse: nothing is written
	f.Close()
	check("a baseline of 100 MiB", noEnv, "the file is 104857600 bytes; exlint reads at most 67108864 here", "check", "--baseline", huge, "topo")
}

// fmt --write keeps what it does not own: a read-only file, a file with
// other hard links and a symbolic link are left as they are (exit 2, with
// the reason), and not listed as changed; a file it rewrites keeps its
// mode.
func TestFmtWriteKeepsWhatItDoesNotOwn(t *testing.T) {
	dir := t.TempDir()
	messy := "site   \"A\" {}\n"
	write := func(name string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(messy), 0o600)
		os.Chmod(p, mode)
		return p
	}
	ro := write("ro.exchange.hcl", 0o444)
	linked := write("linked.exchange.hcl", 0o644)
	os.Link(linked, filepath.Join(dir, "hard-link"))
	target := write("target.hcl", 0o644)
	os.Symlink(target, filepath.Join(dir, "alink.exchange.hcl"))
	private := write("private.exchange.hcl", 0o600)

	out, stderr, code := runIn(t, dir, "", noEnv, "fmt", "ro.exchange.hcl", "linked.exchange.hcl", "alink.exchange.hcl", "private.exchange.hcl")
	// The files listed are those changed: the one rewritten.
	if out != "private.exchange.hcl\n" {
		t.Errorf("fmt listed %q, want the file it rewrote", out)
	}
	for _, want := range []string{
		"ro.exchange.hcl: not rewritten: the file is read-only",
		"linked.exchange.hcl: not rewritten: the file has other hard links",
		"alink.exchange.hcl: not rewritten: a symbolic link; exlint does not write through links",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, p := range []string{ro, linked, target} {
		if got, _ := os.ReadFile(p); string(got) != messy {
			t.Errorf("%s was rewritten: %q", p, got)
		}
	}
	if got, _ := os.ReadFile(private); string(got) != "site \"A\" {}\n" {
		t.Errorf("private.exchange.hcl not formatted: %q", got)
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	// --check reads through the named link, as documented.
	if out, _, code := runIn(t, dir, "", noEnv, "fmt", "--check", "alink.exchange.hcl"); code != 3 || out != "alink.exchange.hcl\n" {
		t.Errorf("fmt --check alink: exit %d %q", code, out)
	}
}

// A symbolic link named on the command line is followed, as documented: a
// link to a directory is checked (and formatted) like the directory, with
// or without a trailing slash; one directory named twice is checked once.
func TestNamedLinksAndDirectoriesNamedTwice(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	src, _ := os.ReadFile(filepath.Join(repoRoot, "examples", "small-cutover", "tailspin.exchange.hcl"))
	os.WriteFile(filepath.Join(dir, "real", "t.exchange.hcl"), src, 0o644)
	os.WriteFile(filepath.Join(dir, "real", "messy.exchange.hcl"), []byte("site   \"A\" {}\n"), 0o644)
	os.Symlink("real", filepath.Join(dir, "alink"))

	want, _, _ := runIn(t, dir, "", noEnv, "check", "--format", "compact", "--as-of", asOf, "real")
	if strings.Count(want, "\n") != 4 {
		t.Fatalf("real: %q", want)
	}
	for _, arg := range []string{"alink", "alink/"} {
		out, stderr, code := runIn(t, dir, "", noEnv, "check", "--format", "compact", "--as-of", asOf, arg)
		if code != 1 || out != strings.ReplaceAll(want, "real/", "alink/") {
			t.Errorf("check %s: exit %d\n%s%s", arg, code, out, stderr)
		}
		out, _, code = runIn(t, dir, "", noEnv, "fmt", "--check", arg)
		if code != 3 || out != "alink/messy.exchange.hcl\n" {
			t.Errorf("fmt --check %s: exit %d %q", arg, code, out)
		}
	}
	// One directory, named three ways: checked, counted and formatted once,
	// under the name first given.
	t.Chdir(filepath.Join(dir, "real"))
	for _, args := range [][]string{{".", filepath.Join(dir, "real"), filepath.Join(dir, "alink")}, {filepath.Join(dir, "alink"), "."}} {
		out, _, _ := runIn(t, filepath.Join(dir, "real"), "", noEnv, append([]string{"check", "--as-of", asOf, "--color", "never"}, args...)...)
		if strings.Count(out, "error:") != 3 || !strings.Contains(out, "checked 1 topology (2 files)") {
			t.Errorf("check %v:\n%s", args, out)
		}
		out, _, _ = runIn(t, filepath.Join(dir, "real"), "", noEnv, append([]string{"fmt", "--check"}, args...)...)
		if strings.Count(out, "\n") != 1 {
			t.Errorf("fmt --check %v: %q", args, out)
		}
	}
}

// SIGTERM while exlint writes its outputs leaves no temporary file, and
// the output file it was to replace as it was. exlint is held mid-run by a
// standard output nobody reads.
func TestSIGTERMLeavesNoTemporaryFiles(t *testing.T) {
	bin, work := builtWithTopology(t)
	cmd := exec.Command(bin, "check", "--as-of", asOf, "--format", "text", "--format", "sarif=out.sarif", ".")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "EXLINT_REEXEC=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	temporary := func() []string {
		m, _ := filepath.Glob(filepath.Join(work, ".out.sarif.*.tmp"))
		return m
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(temporary()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if len(temporary()) == 0 {
		t.Fatal("exlint never started writing its output")
	}
	cmd.Process.Signal(syscall.SIGTERM)
	io.Copy(io.Discard, stdout)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("exlint ended with %v, want exit status 143", err)
	}
	if left := temporary(); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if got, _ := os.ReadFile(filepath.Join(work, "out.sarif")); string(got) != "previous" {
		t.Errorf("out.sarif holds %.40q", got)
	}
}

// A release file (--catalog, the catalog setting) is read only from a
// regular file of at most 1 MiB: a FIFO, a device, a directory or a larger
// file is an error (exit 2) at once; what the file holds and its name reach
// the terminal escaped.
func TestCatalogFiles(t *testing.T) {
	repo := configRepo(t, "")
	check := func(name, wantErr string, args ...string) {
		t.Helper()
		_, stderr, code := runIn(t, repo, "", noEnv, args...)
		if code != 2 || !strings.Contains(stderr, wantErr) {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and %q", name, code, stderr, wantErr)
		}
		if bad := forged(stderr); len(bad) > 0 {
			t.Errorf("%s: %q", name, bad)
		}
	}
	fifo := filepath.Join(repo, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(repo, "huge.csv")
	f, _ := os.Create(huge)
	f.Truncate(2 << 20) // sparse: nothing is written
	f.Close()
	for _, cmd := range [][]string{{"check", "topo"}, {"graph", "topo"}, {"catalog"}} {
		check("--catalog FIFO", "--catalog "+fifo+": not a regular file (a FIFO)", append(cmd, "--catalog", fifo)...)
		check("--catalog /dev/zero", "not a regular file (a character device)", append(cmd, "--catalog", "/dev/zero")...)
		check("--catalog directory", "not a regular file (a directory)", append(cmd, "--catalog", repo)...)
		check("--catalog of 2 MiB", "the file is 2097152 bytes; exlint reads at most 1048576 here", append(cmd, "--catalog", huge)...)
	}
	// The setting: a FIFO in the repository, and a committed link to a
	// device, which leads out of it (TestConfigFilesStayInRepository).
	os.WriteFile(filepath.Join(repo, ".exlint.hcl"), []byte(`catalog = "fifo.csv"`+"\n"), 0o644)
	check("catalog setting FIFO", `catalog "fifo.csv" (.exlint.hcl:1:1): fifo.csv: not a regular file (a FIFO)`, "check", "topo")
	os.Symlink("/dev/zero", filepath.Join(repo, "zero.csv"))
	os.WriteFile(filepath.Join(repo, ".exlint.hcl"), []byte(`catalog = "zero.csv"`+"\n"), 0o644)
	check("catalog setting -> /dev/zero", `catalog "zero.csv" (.exlint.hcl:1:1): zero.csv leads through a symbolic link out of the repository`, "check", "topo")
	os.Remove(filepath.Join(repo, ".exlint.hcl"))

	// Hostile names and contents.
	name := "x\n::error file=y::forged\x1b]0;title\x07.csv"
	check("a missing file with a hostile name", "no such file", "check", "--catalog", name, "topo")
	os.WriteFile(filepath.Join(repo, name), []byte("Product Name,Build Number,Date,KB,Blog\nExchange 2019 CU15 \x1b[2J,1,2,,\n::error::x,1.2,3,,\n"), 0o644)
	check("hostile rows", "field 1 holds the control character U+001B", "catalog", "--catalog", name)
	os.WriteFile(filepath.Join(repo, name), []byte("version,name,build,date,kind,source\n2019,CU15 Sep26SU,15.2.1748.52,2026-09-08,su,\"a\nb\"\n"), 0o644)
	check("a source holding a line break", "field 6 holds the control character U+000A", "catalog", "--catalog", name)
}

// A reader that goes away early (exlint check | head -1) makes the next
// write to standard output fail, as a full disk would: exit code 2 with
// the reason, the temporary files removed and the output files left as
// they were; exlint is not killed by SIGPIPE (exit status 141 in a shell),
// whatever the command.
func TestClosedPipe(t *testing.T) {
	bin, work := builtWithTopology(t)
	os.MkdirAll(filepath.Join(work, "unformatted"), 0o755)
	os.WriteFile(filepath.Join(work, "unformatted", "a.exchange.hcl"), []byte("site   \"A\" {}\n"), 0o644)
	// start runs exlint with its standard output on a pipe, and returns
	// the pipe's reading end.
	start := func(args ...string) (*exec.Cmd, *os.File, *strings.Builder) {
		t.Helper()
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = w, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		return cmd, r, &stderr
	}
	wait := func(name string, cmd *exec.Cmd, stderr *strings.Builder) {
		t.Helper()
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(stderr.String(), "broken pipe") {
			t.Errorf("%s: %v, stderr %q; want exit status 2 and the reason", name, cmd.ProcessState, stderr)
		}
		if left, _ := filepath.Glob(filepath.Join(work, ".*.tmp")); len(left) > 0 {
			t.Errorf("%s: temporary files left: %v", name, left)
			for _, f := range left {
				os.Remove(f)
			}
		}
		if got, _ := os.ReadFile(filepath.Join(work, "out.sarif")); string(got) != "previous" {
			t.Errorf("%s: out.sarif holds %.40q", name, got)
		}
	}

	// exlint check | head -1: the first line read, then the pipe closed
	// while exlint writes the rest.
	cmd, r, stderr := start("check", "--as-of", asOf, "--format", "text", "--format", "sarif=out.sarif", ".")
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil || !strings.Contains(line, ": ") {
		t.Errorf("first line %q, %v", line, err)
	}
	r.Close()
	wait("check | head -1", cmd, stderr)

	// Every command, its reader gone before it writes.
	for _, args := range [][]string{
		{"check", "--as-of", asOf, "--format", "json", "--format", "sarif=out.sarif", "."},
		{"rules"}, {"explain", "syntax"}, {"version"}, {"config"}, {"schema"}, {"--help"},
		{"graph", "--as-of", asOf, "."}, {"plan", "--as-of", asOf, "."}, {"report", "--as-of", asOf, "."},
		{"catalog"}, {"fmt", "--check", "--diff", "unformatted"},
	} {
		cmd, r, stderr := start(args...)
		r.Close()
		wait(strings.Join(args, " "), cmd, stderr)
	}
}

// A symbolic link named to graph, plan or report is followed as check
// follows it: to a directory, read under the link's name; to a topology
// file, read with the files beside the link. A directory whose only
// topology files are links says what it did not read, for every command.
func TestNamedLinksToGraphPlanReport(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	src, _ := os.ReadFile(filepath.Join(repoRoot, "examples", "small-cutover", "tailspin.exchange.hcl"))
	os.WriteFile(filepath.Join(dir, "real", "t.exchange.hcl"), src, 0o644)
	os.Symlink("real", filepath.Join(dir, "dirlink"))
	os.Symlink(filepath.Join("..", "real", "t.exchange.hcl"), filepath.Join(dir, "sub", "x.exchange.hcl"))
	for _, cmd := range []string{"graph", "plan", "report"} {
		for _, c := range []struct{ arg, like, from, to string }{
			{"dirlink", "real", "real", "dirlink"},
			{"sub/x.exchange.hcl", "real/t.exchange.hcl", "real/t.exchange.hcl", "sub/x.exchange.hcl"},
		} {
			want, stderr, wantCode := runIn(t, dir, "", noEnv, cmd, "--as-of", asOf, c.like)
			if wantCode > 1 || want == "" {
				t.Fatalf("%s %s: exit %d %s", cmd, c.like, wantCode, stderr)
			}
			out, stderr, code := runIn(t, dir, "", noEnv, cmd, "--as-of", asOf, c.arg)
			if code != wantCode || out != strings.ReplaceAll(want, c.from, c.to) {
				t.Errorf("%s %s: exit %d %s\n%s", cmd, c.arg, code, stderr, out)
			}
		}
		_, stderr, code := runIn(t, dir, "", noEnv, cmd, "sub")
		if want := `not read: "sub/x.exchange.hcl" (a symbolic link); name a link on the command line to follow it`; code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s sub: exit %d, stderr %q; want 2 and %q", cmd, code, stderr, want)
		}
	}
	_, stderr, code := runIn(t, dir, "", noEnv, "check", "sub")
	if want := `"sub": no topology files found (the names end in .exchange.hcl or .exchange.hcl.json); not read: "sub/x.exchange.hcl" (a symbolic link); name a link on the command line to follow it`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("check sub: exit %d, stderr %q", code, stderr)
	}
}

// A symbolic link that leads nowhere, named to graph, plan or report, is
// reported with the error following it meets (a loop, a missing target),
// as check and fmt report it, not as "not a topology file".
func TestNamedLinkThatLeadsNowhere(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("b", filepath.Join(dir, "a"))
	os.Symlink("a", filepath.Join(dir, "b"))
	os.Symlink("missing", filepath.Join(dir, "gone.exchange.hcl"))
	for _, cmd := range []string{"graph", "plan", "report", "check", "fmt"} {
		for path, want := range map[string]string{"a": "a: too many levels of symbolic links", "gone.exchange.hcl": "gone.exchange.hcl: no such file or directory"} {
			_, stderr, code := runIn(t, dir, "", noEnv, cmd, path)
			if code != 2 || !strings.Contains(stderr, want) {
				t.Errorf("%s %s: exit %d, stderr %q; want 2 and %q", cmd, path, code, stderr, want)
			}
		}
	}
}

// builtWithTopology builds exlint (skipped with -short) and writes a
// 1,000-server topology and an out.sarif of "previous" into a work
// directory: what the tests of a run interrupted mid-output start from.
func builtWithTopology(t *testing.T) (bin, work string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds exlint")
	}
	dir := t.TempDir()
	bin = filepath.Join(dir, "exlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work = filepath.Join(dir, "work")
	os.MkdirAll(work, 0o755)
	for _, f := range topogen.Generate(topogen.Options{Servers: 1000}) {
		os.WriteFile(filepath.Join(work, f.Name), f.Src, 0o644)
	}
	os.WriteFile(filepath.Join(work, "out.sarif"), []byte("previous"), 0o644)
	return bin, work
}

// The catalog and baseline files of a configuration found in the repository
// (which a pull request can commit) are read only inside it: an absolute
// path, ../, or a committed link that leads out (to a file that exists or
// not) is an error that names the setting and quotes nothing of the file,
// in every command that reads it. Named with --catalog or --baseline, or
// named by a configuration given with --config or EXLINT_CONFIG (the user's
// choice), the same file is read; a link that stays inside is followed.
func TestConfigFilesStayInRepository(t *testing.T) {
	top := t.TempDir()
	secret := filepath.Join(top, "secret.csv")
	os.WriteFile(secret, []byte("version,name,build,date,kind,source\nSECRET_TOKEN=abc123,x,y,z,w,v\n"), 0o644)
	shadow := filepath.Join(top, "shadow")
	os.WriteFile(shadow, []byte("root:SECRET_HASH:19000:0:99999:7:::\n"), 0o600)

	repo := configRepo(t, "")
	os.Symlink(secret, filepath.Join(repo, "lnk.csv"))
	os.Symlink("../"+filepath.Base(top)+"/missing.csv", filepath.Join(repo, "dangling.csv"))
	os.Symlink(shadow, filepath.Join(repo, "base.json"))
	os.Symlink(top, filepath.Join(repo, "outdir"))
	rel, _ := filepath.Rel(repo, secret)
	cfgPath := filepath.Join(repo, ".exlint.hcl")
	for _, tc := range []struct{ config, want string }{
		{`catalog = ["` + secret + `"]`, `catalog "` + secret + `" (.exlint.hcl:1:1): ` + secret + ` is outside the repository`},
		{`catalog = ["` + rel + `"]`, "is outside the repository " + repo},
		{`catalog = ["lnk.csv"]`, `catalog "lnk.csv" (.exlint.hcl:1:1): lnk.csv leads through a symbolic link out of the repository`},
		{`catalog = ["dangling.csv"]`, "dangling.csv leads through a symbolic link out of the repository"},
		{`catalog = ["outdir/secret.csv"]`, "leads through a symbolic link out of the repository"},
		{`catalog = ["/proc/self/environ"]`, "/proc/self/environ is outside the repository"},
		{`baseline = "` + shadow + `"`, `baseline "` + shadow + `" (.exlint.hcl:1:1): ` + shadow + ` is outside the repository`},
		{`baseline = "base.json"`, "base.json leads through a symbolic link out of the repository"},
		{`baseline = "../../../../../../etc/shadow"`, "is outside the repository"},
	} {
		os.WriteFile(cfgPath, []byte(tc.config+"\n"), 0o644)
		cmds := [][]string{{"check", "topo"}, {"report", "topo"}, {"plan", "topo"}}
		if strings.HasPrefix(tc.config, "catalog") {
			cmds = append(cmds, []string{"graph", "topo"}, []string{"catalog"})
		}
		for _, args := range cmds {
			out, stderr, code := runIn(t, repo, "", noEnv, args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("%s, %v: exit %d, stderr %q; want %q", tc.config, args, code, stderr, tc.want)
			}
			if strings.Contains(out+stderr, "SECRET") || strings.Contains(stderr, "invalid character") || strings.Contains(stderr, "bytes") {
				t.Errorf("%s, %v: something of the file is told: %q", tc.config, args, stderr)
			}
		}
	}
	// The same files, named by the user.
	os.WriteFile(cfgPath, []byte(`catalog = ["`+secret+`"]`+"\n"), 0o644)
	for _, run := range []struct {
		args   []string
		getenv env
	}{
		{[]string{"catalog", "--config", cfgPath}, noEnv},
		{[]string{"catalog"}, func(k string) string {
			if k == "EXLINT_CONFIG" {
				return cfgPath
			}
			return ""
		}},
		{[]string{"catalog", "--catalog", secret, "--config", filepath.Join(repo, "none.hcl")}, noEnv},
		{[]string{"catalog", "--catalog", "lnk.csv"}, noEnv},
	} {
		os.WriteFile(filepath.Join(repo, "none.hcl"), nil, 0o644)
		if _, stderr, code := runIn(t, repo, "", run.getenv, run.args...); code != 2 || !strings.Contains(stderr, `unknown version "SECRET_TOKEN=abc123"`) {
			t.Errorf("%v: exit %d, stderr %q; want the file read", run.args, code, stderr)
		}
	}
	// A link that stays in the repository is followed.
	os.Mkdir(filepath.Join(repo, "data"), 0o755)
	csv, _, _ := runIn(t, repo, "", noEnv, "catalog", "--format", "csv", "--config", filepath.Join(repo, "none.hcl"))
	os.WriteFile(filepath.Join(repo, "data", "releases.csv"), []byte(csv), 0o644)
	os.Symlink("data/releases.csv", filepath.Join(repo, "in.csv"))
	os.WriteFile(cfgPath, []byte(`catalog = ["in.csv"]`+"\n"), 0o644)
	if _, stderr, code := runIn(t, repo, "", noEnv, "catalog"); code != 0 {
		t.Errorf("a link inside the repository: exit %d %s", code, stderr)
	}
}
