from dataclasses import dataclass


@dataclass(frozen=True)
class Listing:
    """One page of a list, with the total count of everything the user may see."""

    items: list
    count: int
    page: int
    page_size: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1
