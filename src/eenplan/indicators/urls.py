"""'Indicatoren' at /indicatoren/: the benchmark, stories from practice and local indicators."""

from django.urls import path

from eenplan.indicators.views import benchmark, local, stories

app_name = "indicators"

urlpatterns = [
    path("", benchmark.dashboard, name="dashboard"),
    path("definities/", benchmark.definitions, name="definitions"),
    path("export.csv", benchmark.export_csv, name="export-csv"),
    path("export.xlsx", benchmark.export_xlsx, name="export-xlsx"),
    path("verhalen/", stories.story_list, name="stories"),
    path("verhalen/nieuw/", stories.story_write, name="story-write"),
    path("lokaal/nieuw/", local.local_indicator_define, name="local-define"),
    path("<slug:code>/", benchmark.indicator_detail, name="detail"),
]
