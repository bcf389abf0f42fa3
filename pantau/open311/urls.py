from django.urls import re_path

from pantau.common.httpcache import public_page

from . import views

# Public reads: cached and answered 304 while nothing changed, readable from other sites' pages
# (pantau.common.httpcache; a POST passes straight through).
public = public_page(cors=True)

app_name = "open311"

FORMAT = r"\.(?P<format>[a-z]+)$"

urlpatterns = [
    re_path(r"^discovery" + FORMAT, public(views.Discovery.as_view()), name="discovery"),
    re_path(r"^services" + FORMAT, public(views.Services.as_view()), name="services"),
    re_path(
        r"^services/(?P<service_code>[-\w]+)" + FORMAT,
        public(views.ServiceDefinition.as_view()),
        name="service-definition",
    ),
    re_path(r"^requests" + FORMAT, public(views.Requests.as_view()), name="requests"),
    re_path(
        r"^requests?/(?P<service_request_id>[-\w]+)" + FORMAT,
        public(views.RequestDetail.as_view()),
        name="request-detail",
    ),
    re_path(r"^tokens/(?P<token_id>[-\w]+)" + FORMAT, views.TokenDetail.as_view(), name="token"),
    re_path(
        r"^servicerequestupdates" + FORMAT,
        public(views.ServiceRequestUpdates.as_view()),
        name="updates",
    ),
    re_path(r"^(?P<rest>[\s\S]*)$", views.NotFound.as_view(), name="not-found"),
]
