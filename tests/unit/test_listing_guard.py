"""The listing guard: a paged listing stops on a repeated page token, an empty page, or after 100 pages."""

from __future__ import annotations

import itertools

from ymdesk.core.market.client import MAX_PAGES, ListingEnd, OfferLookup, OffersPage, OfferState, guarded_pages


def page(skus: list[str], token: str | None) -> OffersPage:
    return OffersPage(tuple(OfferState(s, present=True) for s in skus), token, None, 0.01)


def test_a_repeated_token_stops_the_listing_after_the_second_page():
    asked: list[str | None] = []

    def same_token_forever(token: str | None) -> OffersPage:  # what Prism's mock does
        asked.append(token)
        return page(["a"], "same")

    pages = list(guarded_pages(same_token_forever))
    assert asked == [None, "same"]
    assert [p.end for p in pages] == [None, ListingEnd.REPEATED_TOKEN]
    assert not pages[-1].end.complete


def test_a_token_seen_pages_ago_stops_it_too():
    tokens = iter(["t1", "t2", "t1", "t3"])
    pages = list(guarded_pages(lambda token: page(["a"], next(tokens))))
    assert len(pages) == 3 and pages[-1].end is ListingEnd.REPEATED_TOKEN


def test_an_empty_page_stops_even_with_a_token():
    counter = itertools.count()

    def third_page_empty(token: str | None) -> OffersPage:
        number = next(counter)
        return page([] if number == 2 else ["a"], f"t{number}")

    pages = list(guarded_pages(third_page_empty))
    assert len(pages) == 3 and pages[-1].end is ListingEnd.EMPTY_PAGE and pages[-1].end.complete


def test_fresh_tokens_forever_stop_at_the_page_cap():
    counter = itertools.count()
    pages = list(guarded_pages(lambda token: page(["a"], f"t{next(counter)}")))
    assert len(pages) == MAX_PAGES == 100 and pages[-1].end is ListingEnd.PAGE_CAP


def test_a_normal_listing_ends_complete_and_follows_each_token_once():
    book = {None: (["a", "b"], "p2"), "p2": (["c"], "p3"), "p3": (["d"], None)}
    asked: list[str | None] = []

    def fetch(token: str | None) -> OffersPage:
        asked.append(token)
        skus, following = book[token]
        return page(skus, following)

    pages = list(guarded_pages(fetch))
    assert asked == [None, "p2", "p3"] and pages[-1].end is ListingEnd.COMPLETE
    lookup = OfferLookup.from_pages(["d", "x", "a", "d"], pages)
    assert lookup.present() == ["d", "a"] and lookup.missing() == ["x"] and lookup.complete
    assert lookup.returned == 4 and abs(lookup.elapsed - 0.03) < 1e-9


def test_a_lookup_from_a_cut_listing_is_not_complete():
    pages = list(guarded_pages(lambda token: page(["a"], "same")))
    assert not OfferLookup.from_pages(["b"], pages).complete


def test_the_listing_is_lazy_so_the_caller_can_pace_or_stop_between_pages():
    asked: list[str | None] = []

    def fetch(token: str | None) -> OffersPage:
        asked.append(token)
        return page(["a"], f"{token}+")

    listing = guarded_pages(fetch)
    next(listing)
    next(listing)
    assert len(asked) == 2
