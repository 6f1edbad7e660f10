#!/usr/bin/env python3
"""Builds testdata/pairs.jsonl: tributary's own labelled same-story pairs.

    TRIBUTARY_SHARED=/work/shared python3 aggregator/story/testdata/mkpairs.py > aggregator/story/testdata/pairs.jsonl

Raw material: the real posts of ../shared/realposts (财联社 电报 and 深度) and the documents of
../shared/neardup (证券时报, 中证网, 新浪, 财联社), edited by the rules below, plus English stories written
by hand in this file. Every pair carries `how` (the family and the edits) and `split`: `dev` or
`test`, decided by a hash of the source post, so that pairs made from one post never straddle the
split. Tune on dev (and ../shared/neardup) only; the test half is for the figures reported.

Families (label): the edits that make B from A.
  retitle (1)      a 电报 flash re-sent by another outlet: title reworded (synonyms, halves swapped or
                   cut, a prefix), dateline replaced by that outlet's, 1-3 synonyms in the body, maybe
                   the last sentence dropped; B dated ~8 h later (feeds that label Beijing time GMT).
  lead (1)         a 深度 article and a flash made of its first sentences, under a new title.
  middle (1)       a 深度 article and a flash quoting sentences from its middle (40-70 % in).
  format (1)       the same flash as HTML (<p>, entities), with full-width digits or with 新浪's
                   boilerplate around it.
  update (1)       a flash and its update: one more sentence appended (no new numbers).
  en-same (1)      English: one story told by two outlets, or a one-line flash and the full story.
  date-trap (0)    a post with a date in its text, and the same text with every such date moved 1-3
                   days on (numbers kept: 10月3日…1050万人次 vs 10月5日…1050万人次), dated that much later.
  number-trap (0)  the same post with every number changed by 5-40 % (the next day's release of a
                   template: 涨停 counts, Shibor, output figures), dated a day later, lightly reworded.
  key-number (0)   a short post whose title number (and its occurrences) alone changed: 102只 vs 108只.
  boilerplate (0)  two different 电报 flashes given the same dateline and date (财联社10月3日电), or two
                   different stories both wrapped in 新浪's boilerplate.
  topic (0)        two real posts on one topic but different events (titles share words: 10年期美债
                   series, 《新闻联播》 of two days, 券商 rankings), never a pair ../shared labels same.
  en-trap (0)      English templates: weekly jobless claims, daily oil prices, another quarter.
  en-topic (0)     English: two different stories on one topic, company or kind of event, 1-20 h
                   apart (en_pairs.py: hard negatives for the content words).
"""
import hashlib
import html
import json
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

SHARED = os.environ.get("TRIBUTARY_SHARED", os.path.join(os.path.dirname(__file__), "../../../../shared"))
R = random.Random(20261205)
RFC1123 = "%a, %d %b %Y %H:%M:%S GMT"


def read_post(path):
    s = open(path, encoding="utf-8").read().lstrip("\n")
    front, body = s[4:].split("\n---\n", 1)
    title = date = ""
    for line in front.split("\n"):
        if line.startswith("title: "):
            title = line[7:].strip("'\"")
        elif line.startswith("date: "):
            date = line[6:]
    body = body.strip()
    if body.startswith("<div>"):
        body = body[5:]
    if body.endswith("</div>"):
        body = body[:-6]
    return {"title": title, "body": body.strip(), "date": date, "key": os.path.relpath(path, SHARED)}


def load():
    posts = {"电报": [], "深度": []}
    for sec in posts:
        d = os.path.join(SHARED, "realposts", sec)
        for name in sorted(os.listdir(d)):
            if name.endswith(".md"):
                posts[sec].append(read_post(os.path.join(d, name)))
    same = set()
    for line in open(os.path.join(SHARED, "realposts", "pairs.tsv"), encoding="utf-8").read().splitlines()[1:]:
        a, b, label = line.split("\t")[:3]
        if label == "same":
            same.add(("realposts/" + a, "realposts/" + b))
            same.add(("realposts/" + b, "realposts/" + a))
    nd = {}
    for line in open(os.path.join(SHARED, "neardup", "pairs.jsonl"), encoding="utf-8"):
        p = json.loads(line)
        for side, story in (("a", p["story_a"]), ("b", p["story_b"])):
            d = p[side]
            nd[d["repo_path"]] = {"title": d["title"], "body": d["body"], "date": d["date"],
                                  "key": "neardup/" + d["repo_path"], "source": d["source"], "story": story}
    return posts, same, list(nd.values())


def text_of(body):
    t = re.sub(r"<[^>]*>", "\n", body)
    t = html.unescape(t)
    return re.sub(r"[ \t\u3000]+", " ", t).strip()


def sentences(t):
    return [s + "。" for s in re.split(r"。", t) if s.strip()]


def when(d):
    return datetime.strptime(d, RFC1123).replace(tzinfo=timezone.utc)


def fmt(t):
    return t.strftime(RFC1123)


SYN = [("超", "逾"), ("增长", "上升"), ("下降", "减少"), ("同比", "比去年同期"), ("预计", "预期"), ("发布", "公布"),
       ("表示", "称"), ("近日", "日前"), ("获悉", "了解到"), ("公司", "企业"), ("目前", "当前"), ("进行", "开展"),
       ("已经", "已"), ("推动", "促进"), ("提高", "提升"), ("宣布", "公布"), ("其中", "当中"), ("主要", "重点"),
       ("明显", "显著"), ("继续", "持续")]


def synonyms(s, n):
    """Replaces the first occurrence of up to n dictionary words; returns the text and what changed."""
    done = []
    for a, b in R.sample(SYN, len(SYN)):
        if len(done) == n:
            break
        if a in s:
            s = s.replace(a, b, 1)
            done.append(a + "→" + b)
    return s, done


def retitle(t):
    ops = ["syn", "prefix", "cut", "swap"]
    op = R.choice(ops)
    if op == "swap" and " " in t:
        x, y = t.split(" ", 1)
        return y + "，" + x, "halves swapped"
    if op == "cut" and " " in t:
        return t.split(" ", 1)[0], "second half cut"
    if op == "prefix":
        return R.choice(["快讯：", "最新！", "重磅："]) + t, "prefix added"
    s, d = synonyms(t, 2)
    return s, "title synonyms " + ",".join(d) if d else "title unchanged"


DATELINE = re.compile(r"^【(.*?)】财联社(\d{1,2}月\d{1,2}日)电，")
OUTLETS = ["证券时报e公司讯，", "中证网讯（记者 王宁）", "上证报中国证券网讯 ", "新华社北京电 "]


def flash_text(p):
    """The flash's text without its 【title】 and dateline."""
    m = DATELINE.match(p["body"])
    return p["body"][m.end():] if m else p["body"]


def split_of(key):
    return "dev" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "test"


PAIRS = []


def add(label, family, how, a, b, key):
    PAIRS.append({"id": "own%03d" % len(PAIRS), "label": label, "split": split_of(key), "how": family + ": " + how,
                  "a": {"title": a["title"], "body": a["body"], "date": a["date"]},
                  "b": {"title": b["title"], "body": b["body"], "date": b["date"]}})


def shift(p, hours):
    return fmt(when(p["date"]) + timedelta(hours=hours))


# --- positives -------------------------------------------------------------------------------------

def fam_retitle(flashes, n):
    for p in R.sample(flashes, n):
        body = flash_text(p)
        body, d = synonyms(body, R.randint(1, 3))
        ss = sentences(body)
        cut = ""
        if len(ss) > 2 and R.random() < 0.4:
            body = "".join(ss[:-1])
            cut = ", last sentence dropped"
        outlet = R.choice(OUTLETS)
        t, th = retitle(p["title"])
        b = {"title": t, "body": outlet + body, "date": shift(p, 8 + R.uniform(-0.5, 0.5))}
        add(1, "retitle", "%s; dateline → %s; body synonyms %s%s" % (th, outlet, ",".join(d), cut), p, b, p["key"])


def fam_lead_middle(articles, n_lead, n_mid):
    long = [p for p in articles if len(text_of(p["body"])) > 800]
    picks = R.sample(long, min(len(long), n_lead + n_mid))
    for i, p in enumerate(picks):
        ss = [s for s in sentences(text_of(p["body"]).replace("\n", "")) if len(s) > 15]
        if len(ss) < 6:
            continue
        if i < n_lead:
            k = R.randint(1, 2)
            chosen, fam, where = ss[:k], "lead", "first %d sentences" % k
        else:
            at = int(len(ss) * R.uniform(0.4, 0.7))
            k = R.randint(1, 3)
            chosen, fam, where = ss[at:at + k], "middle", "sentences %d-%d of %d" % (at + 1, at + k, len(ss))
        txt = "".join(chosen)
        txt = re.sub(r"^财联社（[^）]*）讯，", "", txt)
        txt, d = synonyms(txt, 1)
        t, th = retitle(p["title"])
        day = when(p["date"]) + timedelta(hours=8)
        b = {"title": t, "body": "【%s】财联社%d月%d日电，%s" % (t, day.month, day.day, txt),
             "date": shift(p, -R.uniform(0, 20))}
        add(1, fam, "flash of the article's %s, %s, synonyms %s, dated earlier" % (where, th, ",".join(d)), p, b,
            p["key"])


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" or "A" <= c <= "Z" else c for c in s)


def fam_format(flashes, n):
    for i, p in enumerate(R.sample(flashes, n)):
        body = flash_text(p)
        kind = i % 3
        if kind == 0:
            ss = sentences(body)
            b = "".join("<p>%s</p>" % html.escape(s).replace("，", "&#xFF0C;", 1) for s in ss)
            how = "as HTML paragraphs with entities"
        elif kind == 1:
            b = fullwidth(body)
            how = "full-width digits and capitals"
        else:
            b = body + "\n海量资讯、精准解读，尽在新浪财经APP\n责任编辑：李桐"
            how = "新浪 boilerplate appended"
        add(1, "format", how + ", dateline dropped, 8 h later", p,
            {"title": p["title"], "body": b, "date": shift(p, 8)}, p["key"])


TAILS = ["记者注意到，市场对此反应积极。", "业内人士认为，后续仍需观察政策落地情况。", "该消息发布后，相关板块午后走强。",
         "分析人士指出，这一变化值得投资者关注。"]


def fam_update(flashes, n):
    for p in R.sample(flashes, n):
        tail = R.choice(TAILS)
        add(1, "update", "one sentence appended (%s), 2 h later" % tail, p,
            {"title": p["title"], "body": p["body"] + tail, "date": shift(p, 2)}, p["key"])


# --- negatives -------------------------------------------------------------------------------------

MD = re.compile(r"(\d{1,2})月(\d{1,2})日(?!电)")


def move_dates(s, year, days):
    def f(m):
        try:
            t = datetime(year, int(m.group(1)), int(m.group(2))) + timedelta(days=days)
        except ValueError:
            return m.group(0)
        return "%d月%d日" % (t.month, t.day)
    return MD.sub(f, s)


def fam_date_trap(posts, n):
    cands = [p for p in posts if MD.search(p["title"] + flash_text(p))]
    for p in R.sample(cands, min(n, len(cands))):
        k = R.randint(1, 3)
        y = when(p["date"]).year
        b = {"title": move_dates(p["title"], y, k), "body": move_dates(p["body"], y, k), "date": shift(p, 24 * k)}
        add(0, "date-trap", "every date of the text moved %d days on, numbers kept, dated %d days later" % (k, k), p,
            b, p["key"])


# A number, not a date, a period, a year or a list index (1、).
NUM = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]*(?:月|日|年|-\d|、))")


def change_numbers(s, table):
    def f(m):
        v = m.group(1)
        if v not in table:
            x = float(v)
            for _ in range(10):
                y = x * R.choice([-1, 1]) * R.uniform(0.05, 0.4) + x
                nv = ("%." + str(len(v.split(".")[1])) + "f") % y if "." in v else str(max(1, round(y)))
                if nv != v:
                    break
            table[v] = nv
        return table[v]
    return NUM.sub(f, s)


def fam_number_trap(posts, n):
    cands = [p for p in posts if len(NUM.findall(p["title"] + flash_text(p))) >= 2]
    for p in R.sample(cands, min(n, len(cands))):
        table = {}
        t = change_numbers(p["title"], table)
        body = change_numbers(p["body"], table)
        body, d = synonyms(body, 1)
        add(0, "number-trap", "every number changed 5-40 %%, synonyms %s, dated a day later" % ",".join(d), p,
            {"title": t, "body": body, "date": shift(p, 24)}, p["key"])


def fam_key_number(posts, n):
    cands = [p for p in posts if NUM.search(p["title"]) and len(flash_text(p)) < 400]
    for p in R.sample(cands, min(n, len(cands))):
        v = NUM.search(p["title"]).group(1)
        table = {}
        nv = change_numbers(v, table)
        t = re.sub(r"(?<![\d.])" + re.escape(v) + r"(?![\d.])", nv, p["title"])
        body = re.sub(r"(?<![\d.])" + re.escape(v) + r"(?![\d.])", nv, p["body"])
        add(0, "key-number", "the title's number %s → %s wherever it occurs, 3 h later" % (v, nv), p,
            {"title": t, "body": body, "date": shift(p, 3)}, p["key"])


def bigrams(s):
    s = re.sub(r"\W", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def jac(a, b):
    a, b = bigrams(a), bigrams(b)
    return len(a & b) / max(1, len(a | b))


def fam_boilerplate(flashes, n, n_sina):
    made = 0
    tries = 0
    while made < n and tries < 10000:
        tries += 1
        a, b = R.sample(flashes, 2)
        if jac(a["title"], b["title"]) > 0.2 or not DATELINE.match(a["body"]) or not DATELINE.match(b["body"]):
            continue
        dl = DATELINE.match(a["body"]).group(2)
        bb = DATELINE.sub(lambda m: "【%s】财联社%s电，" % (m.group(1), dl), b["body"])
        add(0, "boilerplate", "two different flashes, B given A's dateline %s and A's date + 1 h" % dl, a,
            {"title": b["title"], "body": bb, "date": shift(a, 1)}, a["key"])
        made += 1
    for _ in range(n_sina):
        a, b = R.sample(flashes, 2)
        wrap = "\n海量资讯、精准解读，尽在新浪财经APP\n责任编辑：王涛"
        add(0, "boilerplate", "two different flashes, both with 新浪's boilerplate, 30 min apart",
            {"title": a["title"], "body": "新浪财经讯 " + flash_text(a) + wrap, "date": a["date"]},
            {"title": b["title"], "body": "新浪财经讯 " + flash_text(b) + wrap, "date": shift(a, 0.5)}, a["key"])


def fam_topic(posts, same, nd, n):
    cands = []
    for i, a in enumerate(posts):
        for b in posts[i + 1:]:
            if (a["key"], b["key"]) in same or a["body"] == b["body"]:
                continue
            j = jac(a["title"], b["title"])
            if 0.25 <= j < 0.6:
                cands.append((a, b, j))
    for i, a in enumerate(nd):
        for b in nd[i + 1:]:
            if a["story"] != b["story"] and 0.25 <= jac(a["title"], b["title"]):
                cands.append((a, b, jac(a["title"], b["title"])))
    R.shuffle(cands)
    for a, b, j in cands[:n]:
        # Real dates would put most of these out of the window; move B next to A to test the text.
        add(0, "topic", "two real posts, different events, title bigram Jaccard %.2f; B moved to A's date + 6 h" % j,
            a, {"title": b["title"], "body": b["body"], "date": shift(a, 6)}, a["key"])


# --- English, written by hand ----------------------------------------------------------------------

EN_SAME = [
    ("Fed holds rates steady, signals two cuts later this year",
     "<p>The Federal Reserve left its benchmark rate unchanged at 5.25%-5.5% on Wednesday and signalled two "
     "quarter-point cuts before the end of the year, as inflation cooled to 3.1% in May. Chair Jerome Powell said "
     "the committee needed more confidence before easing.</p>",
     "US Fed keeps rates unchanged at 5.25%-5.5%, eyes two cuts",
     "WASHINGTON (Reuters) - The Federal Reserve kept its benchmark rate unchanged at 5.25%-5.5% on Wednesday and "
     "signalled two quarter-point cuts before year end, with inflation cooling to 3.1% in May. Powell said the "
     "committee needed more confidence before easing policy."),
    ("Apple to buy back $110 billion of stock, a record",
     "Apple said on Thursday it would buy back $110 billion of its shares, the largest repurchase in US history, "
     "and raised its quarterly dividend by 4% to 25 cents, as iPhone sales fell 10% in the March quarter.",
     "Apple unveils record $110 billion buyback as iPhone sales slip",
     "Apple announced a record $110 billion share buyback on Thursday, the largest repurchase in US history, and "
     "raised its quarterly dividend 4% to 25 cents a share. iPhone sales fell 10% in the March quarter."),
    ("Oil jumps 4% after OPEC+ agrees deeper output cuts",
     "Oil prices jumped 4% on Monday after OPEC+ agreed to deepen output cuts by 1.16 million barrels per day "
     "from May, with Brent crude trading at $83.10 a barrel.",
     "Brent rises 4% to $83.10 as OPEC+ deepens output cuts",
     "Brent crude rose 4% to $83.10 a barrel on Monday. OPEC+ agreed on Sunday to deepen output cuts by 1.16 "
     "million barrels per day from May, surprising traders. Analysts said the move could lift prices toward "
     "$100 later in the year."),
    ("Tesla recalls 2 million cars over Autopilot safeguards",
     "Tesla is recalling more than 2 million vehicles in the United States to install new safeguards in its "
     "Autopilot driver assistance system, the National Highway Traffic Safety Administration said on Wednesday.",
     "Tesla recalls over 2 million US vehicles to fix Autopilot",
     "Tesla is recalling more than 2 million vehicles across its US lineup to fix Autopilot, the National Highway "
     "Traffic Safety Administration said on Wednesday, after a two-year investigation into crashes. The update "
     "will be delivered over the air, the agency said."),
    ("UK inflation falls to 4.6% in October",
     "British consumer price inflation fell to 4.6% in October from 6.7% in September, the Office for National "
     "Statistics said on Wednesday, the lowest rate in two years, helped by lower energy bills.",
     "UK inflation drops to 4.6%, lowest in two years",
     "LONDON - Britain's annual consumer price inflation dropped to 4.6% in October from 6.7% in September, the "
     "lowest in two years, official data showed on Wednesday. Lower household energy bills drove the fall, the "
     "Office for National Statistics said."),
    ("Nvidia revenue triples to $18.1 billion on AI chip demand",
     "Nvidia said third-quarter revenue tripled to $18.1 billion, beating forecasts, as demand for its AI chips "
     "stayed strong. It expects fourth-quarter revenue of about $20 billion.",
     "Nvidia Q3 revenue hits $18.1 bln, forecasts $20 bln",
     "Nvidia reported third-quarter revenue of $18.1 billion on Tuesday, triple a year earlier and above analyst "
     "estimates, on strong demand for its AI chips. The company forecast fourth-quarter revenue of about $20 "
     "billion. Shares slipped 1% after hours."),
    ("ECB raises rates to record 4%",
     "The European Central Bank raised its deposit rate by 25 basis points to a record 4% on Thursday, its tenth "
     "consecutive increase, and signalled that rates may have peaked.",
     "European Central Bank lifts deposit rate to record high of 4%",
     "FRANKFURT - The European Central Bank lifted its deposit rate by 25 basis points to a record 4% on Thursday, "
     "its tenth straight hike, but hinted that this could be the last one as the euro zone economy weakens."),
    ("Evergrande ordered to liquidate by Hong Kong court",
     "A Hong Kong court on Monday ordered the liquidation of China Evergrande Group, the world's most indebted "
     "property developer with more than $300 billion of liabilities.",
     "Hong Kong judge orders liquidation of China Evergrande",
     "A Hong Kong judge ordered China Evergrande Group to be liquidated on Monday, saying the developer, which has "
     "more than $300 billion of liabilities, had failed to present a workable restructuring plan after 19 months "
     "of talks. Its shares were suspended."),
]

EN_FLASH = [
    ("BREAKING: Fed holds rates at 5.25%-5.5%", "The Fed holds rates at 5.25%-5.5%, signals two cuts this year."),
    ("Apple announces record $110 billion buyback", "Apple announces record $110 billion share buyback, raises dividend 4%."),
    ("Tesla recalls over 2 million vehicles", "Tesla recalls more than 2 million US vehicles over Autopilot safeguards - NHTSA."),
    ("Evergrande: Hong Kong court orders liquidation", "A Hong Kong court orders the liquidation of China Evergrande Group."),
]

EN_TRAPS = [
    ("US weekly jobless claims fall to 210,000",
     "Initial claims for state unemployment benefits fell 8,000 to a seasonally adjusted 210,000 for the week "
     "ended Oct 3, the Labor Department said on Thursday.",
     "US weekly jobless claims rise to 221,000",
     "Initial claims for state unemployment benefits rose 11,000 to a seasonally adjusted 221,000 for the week "
     "ended Oct 10, the Labor Department said on Thursday.", 168),
    ("Oil settles at $84.20 as supply worries linger",
     "Brent crude futures settled at $84.20 a barrel on Monday, up 1.2%, as supply worries lingered.",
     "Oil settles at $85.10 as supply worries linger",
     "Brent crude futures settled at $85.10 a barrel on Tuesday, up 1.1%, as supply worries lingered.", 24),
    ("Fed holds rates steady at 5.25%-5.5% in September",
     "The Federal Reserve held its benchmark rate at 5.25%-5.5% on Sept 20 and kept one more hike in its "
     "projections, with inflation at 3.7%.",
     "Fed holds rates steady at 5.25%-5.5% in November",
     "The Federal Reserve held its benchmark rate at 5.25%-5.5% on Nov 1 and kept one more hike in its "
     "projections, with inflation at 3.2%.", 30),
    ("Gold hits record $2,135 an ounce",
     "Spot gold hit a record $2,135 an ounce on Monday as bets on US rate cuts grew.",
     "Gold hits record $2,152 an ounce",
     "Spot gold hit a record $2,152 an ounce on Wednesday as bets on US rate cuts grew.", 30),
    ("China's exports rise 0.5% in November",
     "China's exports rose 0.5% in November from a year earlier, customs data showed on Thursday, while imports "
     "fell 0.6%.",
     "China's exports rise 3.1% in December",
     "China's exports rose 3.1% in December from a year earlier, customs data showed on Friday, while imports "
     "rose 0.2%.", 30),
]


def fam_english():
    base = datetime(2026, 10, 3, 13, 0, tzinfo=timezone.utc)
    for i, (ta, ba, tb, bb) in enumerate(EN_SAME):
        t = base + timedelta(days=i)
        add(1, "en-same", "one English story told by two outlets (written by hand), 3 h apart",
            {"title": ta, "body": ba, "date": fmt(t)}, {"title": tb, "body": bb, "date": fmt(t + timedelta(hours=3))},
            "en-same-%d" % i)
    for i, (tf, bf) in enumerate(EN_FLASH):
        ta, ba = EN_SAME[[0, 1, 3, 7][i]][2:4]
        t = base + timedelta(days=[0, 1, 3, 7][i])
        add(1, "en-same", "a one-line English flash and the full story (written by hand), flash 1 h earlier",
            {"title": tf, "body": bf, "date": fmt(t)}, {"title": ta, "body": ba, "date": fmt(t + timedelta(hours=1))},
            "en-flash-%d" % i)
    for i, (ta, ba, tb, bb, hours) in enumerate(EN_TRAPS):
        t = base + timedelta(days=i)
        add(0, "en-trap", "an English template on another day: date and numbers differ (written by hand), %d h apart" % hours,
            {"title": ta, "body": ba, "date": fmt(t)},
            {"title": tb, "body": bb, "date": fmt(t + timedelta(hours=min(hours, 30)))}, "en-trap-%d" % i)
    # Different English stories sharing a wire's boilerplate.
    for i in range(len(EN_SAME) - 1):
        ta, ba = EN_SAME[i][2:4]
        tb, bb = EN_SAME[i + 1][2:4]
        t = base + timedelta(days=i)
        tail = " (Reporting by staff; Editing by the desk)"
        add(0, "en-trap", "two different English stories with the same wire boilerplate appended, 1 h apart",
            {"title": ta, "body": ba + tail, "date": fmt(t)}, {"title": tb, "body": bb + tail, "date": fmt(t + timedelta(hours=1))},
            "en-boiler-%d" % i)


def fam_english2():
    """English pairs written by a second hand (en_pairs.py), for the content-word signal: they were
    written without sight of the detector, to the brief in en_pairs.py's header."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import en_pairs
    base = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
    for i, (ta, ba, tb, bb) in enumerate(en_pairs.EN_SAME2):
        t = base + timedelta(days=i)
        add(1, "en-same", "one English story told by two independent outlets (en_pairs.py), 4 h apart",
            {"title": ta, "body": ba, "date": fmt(t)}, {"title": tb, "body": bb, "date": fmt(t + timedelta(hours=4))},
            "en2-%d" % i)
    for tf, bf, k in en_pairs.EN_FLASH2:
        ta, ba = en_pairs.EN_SAME2[k][2:4]
        t = base + timedelta(days=k, hours=3)
        add(1, "en-same", "a one-line English wire flash and the full story (en_pairs.py), flash 1 h earlier",
            {"title": tf, "body": bf, "date": fmt(t)}, {"title": ta, "body": ba, "date": fmt(t + timedelta(hours=1))},
            "en2-%d" % k)
    for i, (ta, ba, tb, bb, hours) in enumerate(en_pairs.EN_TOPIC):
        t = base + timedelta(days=i)
        add(0, "en-topic", "two different English stories on one topic or company, %d h apart (en_pairs.py)" % hours,
            {"title": ta, "body": ba, "date": fmt(t)}, {"title": tb, "body": bb, "date": fmt(t + timedelta(hours=hours))},
            "en2-topic-%d" % i)


def fam_written(module, split, base, same, flash, negatives, texts):
    """Pairs written by a helper to a brief (module, a file beside this one), in the split they name:
    same stories by two outlets, texts["gap"] h apart; flashes texts["flash"] h into their story's
    day, 1 h before it; each group of negatives (name, family, rows) hours apart as written.
    texts["same"] and texts["flash_how"] are the how of the same-story pairs, texts["negative"]
    that of the others (with name, hours and module)."""
    prefix, gap, hour = texts["prefix"], texts["gap"], texts["flash"]
    first = len(PAIRS)
    for i, (ta, ba, tb, bb) in enumerate(same):
        t = base + timedelta(days=i)
        add(1, texts["family"] + "-same", texts["same"] % (module, gap),
            {"title": ta, "body": ba, "date": fmt(t)}, {"title": tb, "body": bb, "date": fmt(t + timedelta(hours=gap))},
            "%s-%d" % (prefix, i))
    for tf, bf, k in flash:
        ta, ba = same[k][2:4]
        t = base + timedelta(days=k, hours=hour)
        add(1, texts["family"] + "-same", texts["flash_how"] % module,
            {"title": tf, "body": bf, "date": fmt(t)}, {"title": ta, "body": ba, "date": fmt(t + timedelta(hours=1))},
            "%s-%d" % (prefix, k))
    for name, family, rows in negatives:
        for i, (ta, ba, tb, bb, hours) in enumerate(rows):
            t = base + timedelta(days=i)
            add(0, family, texts["negative"](name, hours, module),
                {"title": ta, "body": ba, "date": fmt(t)}, {"title": tb, "body": bb, "date": fmt(t + timedelta(hours=hours))},
                "%s-%s-%d" % (prefix, name, i))
    for p in PAIRS[first:]:
        p["split"] = split


def fam_holdout(module, lists, prefix, split, base):
    """English pairs written by another hand (module) after the rules they measure: its same-story
    pairs, 4 h apart; its flashes, 1 h before the full story; its different stories, hours apart
    as written."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    m = __import__(module)
    same, flash, topic = (getattr(m, name) for name in lists)
    fam_written(module, split, base, same, flash, [("topic", "en-topic", topic)], {
        "prefix": prefix, "family": "en", "gap": 4, "flash": 3,
        "same": "one English story told by two independent outlets (%s.py), %d h apart",
        "flash_how": "a one-line English wire flash and the full story (%s.py), flash 1 h earlier",
        "negative": lambda name, hours, module: "two different English stories on one topic or company, %d h apart (%s.py)" % (hours, module),
    })


def fam_holdouts():
    """The three English holdouts of 2026-12-07: "holdout" (en_holdout.py) was looked into after
    its first measure; "holdout2" (en_holdout2.py), once every change of that day to the content
    words, their figures and the headline signal was made, and "holdout3" (en_holdout3.py), after
    the changes the cross pairs of all English texts asked for (scores, headlines in capitals),
    were each measured once, blind."""
    fam_holdout("en_holdout", ("EN_SAME3", "EN_FLASH3", "EN_TOPIC3"), "en3", "holdout",
                datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc))
    fam_holdout("en_holdout2", ("EN_SAME4", "EN_FLASH4", "EN_TOPIC4"), "en4", "holdout2",
                datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc))
    fam_holdout("en_holdout3", ("EN_SAME5", "EN_FLASH5", "EN_TOPIC5"), "en5", "holdout3",
                datetime(2027, 2, 8, 9, 0, tzinfo=timezone.utc))


def fam_holdouts4():
    """The fourth holdouts (2026-12-07, a later session), one English (en_holdout4.py) and one
    Chinese (zh_holdout4.py), each measured once, blind, before anything was changed on them."""
    fam_holdout("en_holdout4", ("EN_SAME6", "EN_FLASH6", "EN_TOPIC6"), "en6", "holdout4",
                datetime(2027, 6, 7, 9, 0, tzinfo=timezone.utc))
    fam_zh_holdout("zh_holdout4", ("ZH_SAME4", "ZH_FLASH4", "ZH_TEMPLATE4", "ZH_TOPIC4"), "zh4", "zh-holdout4",
                   datetime(2027, 7, 5, 1, 0, tzinfo=timezone.utc))


def fam_holdouts5():
    """The fifth holdouts (2026-12-07, the same later session), each measured once, blind, before
    and after the one change it could measure: Chinese (zh_holdout5.py: synonyms of event verbs,
    not kept) and English (en_holdout5.py: demonyms)."""
    fam_zh_holdout("zh_holdout5", ("ZH_SAME5", "ZH_FLASH5", "ZH_TEMPLATE5", "ZH_TOPIC5"), "zh5", "zh-holdout5",
                   datetime(2027, 8, 2, 1, 0, tzinfo=timezone.utc))
    fam_holdout("en_holdout5", ("EN_SAME7", "EN_FLASH7", "EN_TOPIC7"), "en7", "holdout5",
                datetime(2027, 9, 6, 9, 0, tzinfo=timezone.utc))
    # zh_holdout6.py: written to the first holdouts' brief, measured once, blind, before and after
    # the longer list of Han words.
    fam_zh_holdout("zh_holdout6", ("ZH_SAME6", "ZH_FLASH6", "ZH_TEMPLATE6", "ZH_TOPIC6"), "zh6", "zh-holdout6",
                   datetime(2027, 10, 4, 1, 0, tzinfo=timezone.utc))
    # zh_holdout7.py: the first brief again, measured once, blind, at 48 and at 64 Han words.
    fam_zh_holdout("zh_holdout7", ("ZH_SAME7", "ZH_FLASH7", "ZH_TEMPLATE7", "ZH_TOPIC7"), "zh7", "zh-holdout7",
                   datetime(2027, 11, 1, 1, 0, tzinfo=timezone.utc))


def fam_holdouts6():
    """The sixth holdouts (2026-12-07, a third session that day), each measured once, blind: English
    (en_holdout6.py, the brief of the fourth) on the head, which it could not change; Chinese
    (zh_holdout8.py, the first brief) before and after the name's boost (story.namedBoost)."""
    fam_holdout("en_holdout6", ("EN_SAME8", "EN_FLASH8", "EN_TOPIC8"), "en8", "holdout6",
                datetime(2027, 12, 6, 9, 0, tzinfo=timezone.utc))
    fam_zh_holdout("zh_holdout8", ("ZH_SAME8", "ZH_FLASH8", "ZH_TEMPLATE8", "ZH_TOPIC8"), "zh8", "zh-holdout8",
                   datetime(2028, 1, 3, 1, 0, tzinfo=timezone.utc))
    # zh_holdout9.py: the first brief, its topic pairs all two stories of one company or body on
    # one day (the name's boost's risk), measured once, blind, after the boost and without it.
    fam_zh_holdout("zh_holdout9", ("ZH_SAME9", "ZH_FLASH9", "ZH_TEMPLATE9", "ZH_TOPIC9"), "zh9", "zh-holdout9",
                   datetime(2028, 2, 7, 1, 0, tzinfo=timezone.utc))


def fam_zh_holdout(module, lists, prefix, split, base):
    """Chinese pairs written by a helper to a brief (module), without sight of the detector or of
    ../shared: same stories by two outlets 3 h apart, flashes 1 h before their story, templates of
    other days and other stories on one topic hours apart as written."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    z = __import__(module)
    same, flash, template, topic = (getattr(z, name) for name in lists)
    fam_written(module, split, base, same, flash, [("template", "zh-template", template), ("topic", "zh-topic", topic)], {
        "prefix": prefix, "family": "zh", "gap": 3, "flash": 2,
        "same": "one story by two Chinese outlets (%s.py), %d h apart",
        "flash_how": "a short flash and the story (%s.py), flash 1 h earlier",
        "negative": lambda name, hours, module: "two different Chinese stories, %s, %d h apart (%s.py)" % (name, hours, module),
    })


def fam_zh_holdouts():
    """The Chinese holdouts of 2026-12-07: "zh-holdout" (zh_holdout.py) measured the shipped
    detector blind (0.175) and then the Han words, designed without reading its texts;
    "zh-holdout2" (zh_holdout2.py) was measured once, blind, after the Han words were made, and
    "zh-holdout3" (zh_holdout3.py) once, blind, after the last change of the day."""
    fam_zh_holdout("zh_holdout", ("ZH_SAME", "ZH_FLASH", "ZH_TEMPLATE", "ZH_TOPIC"), "zh", "zh-holdout",
                   datetime(2027, 3, 1, 1, 0, tzinfo=timezone.utc))
    fam_zh_holdout("zh_holdout2", ("ZH_SAME2", "ZH_FLASH2", "ZH_TEMPLATE2", "ZH_TOPIC2"), "zh2", "zh-holdout2",
                   datetime(2027, 4, 1, 1, 0, tzinfo=timezone.utc))
    fam_zh_holdout("zh_holdout3", ("ZH_SAME3", "ZH_FLASH3", "ZH_TEMPLATE3", "ZH_TOPIC3"), "zh3", "zh-holdout3",
                   datetime(2027, 5, 3, 1, 0, tzinfo=timezone.utc))


def main():
    posts, same, nd = load()
    flashes = [p for p in posts["电报"] if "_versions" not in p["key"] and DATELINE.match(p["body"])]
    articles = [p for p in posts["深度"] if "_versions" not in p["key"]]
    others = [d for d in nd if not d["source"].startswith("财联社")]
    fam_retitle(flashes, 30)
    fam_lead_middle(articles, 20, 16)
    fam_format(flashes, 12)
    fam_update(flashes, 10)
    fam_date_trap(flashes + others, 16)
    fam_number_trap(flashes + others, 22)
    fam_key_number(flashes + others, 12)
    fam_boilerplate(flashes, 22, 8)
    fam_topic([p for p in posts["电报"] + posts["深度"] if "_versions" not in p["key"]], same, nd, 26)
    fam_english()
    fam_english2()
    fam_holdouts()
    fam_zh_holdouts()
    fam_holdouts4()
    fam_holdouts5()
    fam_holdouts6()
    for p in PAIRS:
        sys.stdout.write(json.dumps(p, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
