# Shared by scripts/run and scripts/test (sourced, not run).
#
# ensure_venv EXTRAS: create or reuse .venv (Python >= 3.11) and pip-install relgraph with
# the given extras ("" or "dev"); skipped while pyproject.toml and the interpreter are
# unchanged since the last install (a stamp file in .venv records both).

step() { echo "==> $*"; }

ensure_venv() {
  local extras="$1" py stamp want
  if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    py="${PYTHON:-$(command -v python3.11 || command -v python3 || true)}"
    [[ -n "$py" ]] || die "python3 not found; install Python 3.11"
    "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "$py is older than Python 3.11"
    step "venv: creating .venv with $("$py" -V 2>&1)"
    rm -rf .venv
    "$py" -m venv .venv
  fi
  [[ -f pyproject.toml ]] || die "pyproject.toml not found in $PWD"
  stamp=".venv/.relgraph-installed${extras:+-$extras}"
  want="$(sha256sum <pyproject.toml | cut -c1-16) $(.venv/bin/python -V 2>&1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    step "install: .venv up to date ($(.venv/bin/python -V 2>&1))"
    return 0
  fi
  step "install: pip install -e '.${extras:+[$extras]}' into .venv"
  local t0=$SECONDS
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}" \
    || die "pip install failed"
  echo "$want" >"$stamp"
  [[ -n "$extras" ]] && echo "$want" >.venv/.relgraph-installed
  step "install: done in $((SECONDS - t0)) s"
}
