"""axe-core (npm, node_modules/axe-core) run inside the page through selenium: WCAG 2 A and
AA. One helper for every page's test, so that a page another change adds is checked alike."""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa"]

# Dash has drawn the page and no callback is pending (dash-renderer's own store).
SETTLED = """
const store = window.store;
if (!store || !document.querySelector('#page > *')) { return false; }
const pending = Object.assign({}, store.getState().callbacks);
delete pending.stored; delete pending.completed;
return [].concat(...Object.values(pending)).length === 0;
"""
# Transitions end at once first: an element fading in or out (an alert that closes itself
# after a few seconds, a collapse opening) is checked as it will be, not half transparent,
# which axe reads as too little contrast when the check happens to fall in the fade.
RUN = """
const done = arguments[arguments.length - 1];
const still = document.createElement('style');
still.textContent = '*, *::before, *::after { transition: none !important; '
    + 'animation: none !important; }';
document.head.appendChild(still);
const answer = found => { still.remove(); done(found); };
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
   .then(result => answer(result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' '))}))))
   .catch(error => answer([{id: 'axe-error', impact: 'error', help: String(error), nodes: []}]));
"""


def wait_settled(driver, timeout: float = 30, quiet: float = 0.5) -> None:
    """Wait until no Dash callback has been pending for `quiet` seconds."""
    deadline, since = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        if driver.execute_script(SETTLED):
            since = since or time.monotonic()
            if time.monotonic() - since >= quiet:
                return
        else:
            since = None
        time.sleep(0.1)
    raise AssertionError(f"{driver.current_url} did not settle in {timeout} s")


def violations(driver) -> list[dict]:
    """The WCAG 2 A/AA violations axe-core finds in the page as it is now."""
    driver.set_script_timeout(60)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    return driver.execute_async_script(RUN, TAGS)


def report(found: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][:3]}" for v in found)
