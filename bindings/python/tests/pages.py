"""Small news pages built for the tests: a site template around paragraphs."""

PARAS = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic "
    "after engineers found deep cracks in two of its supporting piers.",
    "Mayor Elena Ruiz said the decision was painful but unavoidable, adding that repairs "
    "would begin in the spring and last at least eighteen months.",
    "Local businesses on the north bank fear the closure will cut them off from customers, "
    "and a group of shop owners has asked for a temporary ferry service.",
    "The bridge, opened in 1932, carries about 40,000 vehicles a day and is the only direct "
    "link between the port district and the city centre.",
    "Engineers first raised concerns in a report last year, which warned that salt water "
    "had corroded the steel reinforcement faster than expected.",
]

OTHER = [
    "A small museum in the old town reopened on Saturday after three years of renovation "
    "work that uncovered medieval paintings behind its plaster walls.",
    "Visitors queued around the square for the chance to see the paintings, which show "
    "scenes of harvest and a procession of musicians.",
    "The curator said the restoration team had worked with tiny brushes and warm water to "
    "avoid damaging the fragile pigments under the plaster.",
]

UPDATE = "Update: the ferry service will start on Monday, officials confirmed."


def page(title="Council closes harbour bridge", paras=PARAS, site="Harbour Times",
         sidebar="Weather", author="Jane Doe"):
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{title} | {site}</title>"
            f'<meta name="author" content="{author}"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>{title}</h1>{body}</article>"
            f"<aside><h2>Most read</h2><ul><li>{sidebar}</li></ul></aside>"
            f"<footer>&copy; {site}</footer></body></html>")
