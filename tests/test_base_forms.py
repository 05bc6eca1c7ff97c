"""The unit conversion table (checker/extract/data/base_forms.json) says exactly what pint says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker.extract.units import BASE_FORMS_FILE, base_form, pint_base_form, unit_lexicon

ROOT = Path(__file__).resolve().parents[1]


def test_the_table_matches_pint_for_every_unit_the_lexicon_knows() -> None:
    import json

    table = json.loads(BASE_FORMS_FILE.read_text(encoding="utf-8"))["forms"]
    names = unit_lexicon().measure_units()
    stale = [name for name in names if name not in table or base_form(name) != pint_base_form(name)]
    assert not stale, f"run `python scripts/build_base_forms.py`: the table disagrees with pint on {stale[:10]}"
    assert sorted(table) == names, "run `python scripts/build_base_forms.py`: the table lists units the lexicon lacks"


def test_a_unit_missing_from_the_table_is_asked_of_pint() -> None:
    assert "furlong per fortnight" not in unit_lexicon().measure_units()
    form = base_form("furlong per fortnight")
    assert form is not None and form.dimension == "[length] / [time]"
    assert abs(form.scale / (201.168 / 1_209_600) - 1) < 1e-5  # a furlong is 201.168 m, a fortnight 14 days
    assert base_form("no such unit at all") is None


def test_checking_an_article_with_units_does_not_import_pint(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Fire\n\nThe fire burned over 1,300 square kilometers (500 square miles), officials said.\n",
                       encoding="utf-8")
    probe = ("import sys; from checker.cli import main; code = main(['check', sys.argv[1], '--format', 'json']);"
             "assert 'pint' not in sys.modules, 'pint was imported'; print(code)")
    done = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
