#!/usr/bin/env python3
"""model.py -- what the library must hold after a crash trial.

A trial runs the commands of a plan one after another and is killed at a
random moment. This model replays the plan the way the store applies it
(tags, notes, undo and redo through the event log) and judges the library
found afterwards:

  model.py plan SEED PARAGRAPHS COUNT
      prints COUNT random commands for speech 1, one per line, arguments
      separated by tabs (as given to pizhu, without "pizhu").
  model.py toggle-plan SEED PARAGRAPHS COUNT
      the same for reader trials: COUNT toggle steps.
  model.py judge PLAN JOURNAL OUTPUTS STATE
      JOURNAL has "start K" before command K (from 1) runs and "end K
      STATUS" once it has exited; OUTPUTS/out.K is its standard output;
      STATE is what the library holds ("tag P THEME" and "note P TEXT"
      lines, tab-separated). Every command that ended must have done what
      the model says (status included); the command that was running when
      the kill came either happened entirely or not at all, and entirely
      if it had printed its report. Prints one line per finding; exit
      status 0 when the library is right.

Plan steps (the arguments after "pizhu"):
  tag 1 PARAS THEME...           tag --remove 1 PARAS THEME...
  note 1 PARA TEXT               note --clear 1 PARA
  undo                           redo
  toggle PARA THEME              (for reader trials: a tagging key, one
                                  action that adds or removes one tag)
"""
import random
import sys

THEMES = ["民生", "党建", "项目建设"]


def parse_paragraphs(text):
    result = set()
    for part in text.split(","):
        if "-" in part:
            first, last = part.split("-")
            result.update(range(int(first), int(last) + 1))
        else:
            result.add(int(part))
    return sorted(result)


class Library:
    """Tags and notes of speech 1 with the store's action log."""

    def __init__(self):
        self.tags = set()  # (paragraph, theme)
        self.notes = {}  # paragraph -> text
        self.actions = []  # [state, events]; event: (kind, key, old, new)

    def copy(self):
        other = Library()
        other.tags = set(self.tags)
        other.notes = dict(self.notes)
        other.actions = [[state, list(events)] for state, events in self.actions]
        return other

    def record(self, events):
        """A change: an action when it changed something, which makes the
        undone steps unreachable."""
        if not events:
            return
        for action in self.actions:
            if action[0] == "undone":
                action[0] = "discarded"
        self.actions.append(["applied", events])

    def apply(self, event, forwards):
        kind, key, old, new = event
        if kind == "tag":
            value = new if forwards else old
            if value:
                self.tags.add(key)
            else:
                self.tags.discard(key)
        else:
            value = new if forwards else old
            if value is None:
                self.notes.pop(key, None)
            else:
                self.notes[key] = value

    def tag(self, paragraphs, themes, present):
        events = []
        for paragraph in paragraphs:
            for theme in themes:
                key = (paragraph, theme)
                if (key in self.tags) != present:
                    events.append(("tag", key, not present, present))
                    self.apply(events[-1], True)
        self.record(events)
        return 0

    def note(self, paragraph, text):
        old = self.notes.get(paragraph)
        if old != text:
            event = ("note", paragraph, old, text)
            self.apply(event, True)
            self.record([event])
        return 0

    def undo(self):
        applied = [a for a in self.actions if a[0] == "applied"]
        if not applied:
            return 1  # "nothing to undo"
        action = applied[-1]
        for event in reversed(action[1]):
            self.apply(event, False)
        action[0] = "undone"
        return 0

    def redo(self):
        undone = [a for a in self.actions if a[0] == "undone"]
        if not undone:
            return 1
        action = undone[0]
        for event in action[1]:
            self.apply(event, True)
        action[0] = "applied"
        return 0

    def run(self, step):
        """Applies one plan step; returns the exit status pizhu gives."""
        if step[0] == "tag":
            removing = step[1] == "--remove"
            rest = step[2:] if removing else step[1:]
            return self.tag(parse_paragraphs(rest[1]), rest[2:], not removing)
        if step[0] == "note":
            if step[1] == "--clear":
                return self.note(int(step[3]), None)
            return self.note(int(step[2]), " ".join(step[3:]))
        if step[0] == "toggle":
            key = (int(step[1]), step[2])
            return self.tag([key[0]], [key[1]], key not in self.tags)
        if step[0] == "undo":
            return self.undo()
        if step[0] == "redo":
            return self.redo()
        raise ValueError("unknown step %r" % (step,))

    def lines(self):
        result = ["tag\t%d\t%s" % key for key in self.tags]
        result += ["note\t%d\t%s" % item for item in self.notes.items()]
        return sorted(result)


def plan(seed, paragraphs, count):
    rng = random.Random(seed)
    for k in range(1, count + 1):
        roll = rng.random()
        first = rng.randint(1, paragraphs)
        if roll < 0.60:
            last = min(paragraphs, first + rng.randint(0, 6))
            paras = "%d" % first if last == first else "%d-%d" % (first, last)
            if rng.random() < 0.3:
                paras += ",%d" % rng.randint(1, paragraphs)
            themes = rng.sample(THEMES, rng.randint(1, 2))
            step = ["tag"] + (["--remove"] if roll >= 0.45 else []) + ["1", paras] + themes
        elif roll < 0.75:
            # Sometimes the same text again: a change that changes nothing.
            text = "笔记%d" % (k if rng.random() < 0.8 else 0)
            step = ["note", "1", str(first), text]
        elif roll < 0.80:
            step = ["note", "--clear", "1", str(first)]
        elif roll < 0.92:
            step = ["undo"]
        else:
            step = ["redo"]
        print("\t".join(step))


def toggle_plan(seed, paragraphs, count):
    """Tagging keys in the reader: one theme on one paragraph a step."""
    rng = random.Random(seed)
    for _ in range(count):
        print("toggle\t%d\t%s" % (rng.randint(1, paragraphs), rng.choice(THEMES)))


def read_plan(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def judge(plan_path, journal_path, outputs, state_path):
    steps = read_plan(plan_path)
    started, ended = 0, {}
    with open(journal_path) as f:
        for line in f:
            words = line.split()
            if len(words) >= 2 and words[0] == "start":
                started = max(started, int(words[1]))
            elif len(words) == 3 and words[0] == "end":
                ended[int(words[1])] = int(words[2])
    with open(state_path, encoding="utf-8") as f:
        actual = sorted(line.rstrip("\n") for line in f if line.strip())
    findings = []
    library = Library()
    done = 0
    for k in range(1, len(steps) + 1):
        if k not in ended:
            break
        expected = library.run(steps[k - 1])
        if ended[k] != expected:
            findings.append("command %d (%s) exited %d, the model says %d"
                            % (k, " ".join(steps[k - 1]), ended[k], expected))
        done = k
    before = library.lines()
    candidates = [("after command %d" % done, before)]
    running = done + 1 if started > done and done < len(steps) else 0
    reported = False
    if running:
        after = library.copy()
        after.run(steps[running - 1])
        try:
            with open("%s/out.%d" % (outputs, running), encoding="utf-8") as f:
                reported = f.read().strip() != ""
        except OSError:
            pass
        if reported:
            candidates = []
        candidates.append(("after command %d" % running, after.lines()))
    matched = [name for name, lines in candidates if lines == actual]
    if not matched:
        lines = candidates[-1][1]
        missing = sorted(set(lines) - set(actual))
        extra = sorted(set(actual) - set(lines))
        findings.append("the library is in no allowed state (%s%s): missing %s, unexpected %s"
                        % (" or ".join(name for name, _ in candidates),
                           ", which printed its report" if reported else "",
                           missing[:5], extra[:5]))
    for finding in findings:
        print(finding)
    if not findings:
        print("state %s of %d commands (%d ended, %s)"
              % (matched[0], len(steps), done,
                 "command %d killed" % running if running else "none running"))
    return 1 if findings else 0


def main(argv):
    if len(argv) == 5 and argv[1] in ("plan", "toggle-plan"):
        make = plan if argv[1] == "plan" else toggle_plan
        make(int(argv[2]), int(argv[3]), int(argv[4]))
        return 0
    if len(argv) == 6 and argv[1] == "judge":
        return judge(argv[2], argv[3], argv[4], argv[5])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
