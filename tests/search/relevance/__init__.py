"""The relevance suite: a fixed, judged query set over a fixed corpus with generated noise.

How it is built
    ``corpus.yaml`` holds realistic Shanghai MNC news, companies and events, some written in
    Chinese; :func:`corpus.build_corpus` publishes them as an editor would (so both backends
    index them through their usual paths) and adds :data:`corpus.NOISE_ARTICLES` generated
    articles (``news/synthetic.py``, bulk inserts, a fixed seed) that mention only
    ``noise_companies``. ``queries.yaml`` holds the judged queries, each in a group (names,
    places, english, phrases, misspellings, chinese).

How the judgements were made
    Grades are given to the fixed documents by slug; everything else, the noise included,
    is 0. 2 = ideal: the document is about what the query names (its title, or a company's
    own name, says so). 1 = relevant: the document discusses it, but it is not the main
    subject. 0 = a passing mention, such as a company linked to a story about something
    else. A misspelled query is judged as its correct spelling. A Chinese query is judged on
    the documents holding its words in Chinese, in their own text or in the Chinese name of
    a company they link to: cross-language matches are not expected of either backend.
    Queries avoid words the noise generator writes (its headline templates, topics,
    sentences, industry and district names), or pair them with words it never writes, so
    that no noise article deserves a grade.

What it measures
    nDCG@10 (gain ``2**grade - 1``) and MRR, the reciprocal rank of the first ideal document
    in the first ten results, per backend and per query group (:mod:`.evaluation`).
    ``tests/search/test_relevance.py`` asserts floors; ``make bench`` prints the figures.
"""
