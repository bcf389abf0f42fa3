"""``/api/v1/tokens/``: a user's own API tokens; ``/api/v1/units/{slug}/tokens/`` for the unit head."""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response

from pantau.accounts.forms import WRONG_PASSWORD, password_is_right
from pantau.organisations.selectors import visible_units

from .. import selectors, services
from ..models import ApiToken
from ..permissions import ReadScope, WriteScope, get_unit, token_of, token_unit_ids
from ..schema import errors


class TokenSerializer(serializers.ModelSerializer):
    scopes = serializers.ListField(child=serializers.CharField(), read_only=True)
    units = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = ApiToken
        fields = [
            "id",
            "name",
            "prefix",
            "scopes",
            "units",
            "created_at",
            "last_used_at",
            "revoked_at",
        ]
        read_only_fields = fields


class UnitTokenSerializer(TokenSerializer):
    user = serializers.CharField(source="user.username", read_only=True)

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "user"]


class TokenCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    write = serializers.BooleanField(default=False, help_text="Also allow writes.")
    units = serializers.ListField(
        child=serializers.SlugField(),
        default=list,
        max_length=50,
        help_text="Slugs of the units the token is limited to; empty = every unit you reach.",
    )
    password = serializers.CharField(
        write_only=True,
        trim_whitespace=False,
        max_length=256,
        help_text="Your password, entered again to confirm it is you.",
    )

    def validate_password(self, password):
        request = self.context["request"]
        if not password_is_right(request._request, request.user, password):
            raise serializers.ValidationError(WRONG_PASSWORD)
        return password

    def validate_units(self, slugs):
        units = list(visible_units(self.context["request"].user).filter(slug__in=slugs))
        if len(units) != len(set(slugs)):
            raise serializers.ValidationError(_("Choose only units you work with."))
        return units


class TokenCreatedSerializer(TokenSerializer):
    token = serializers.CharField(help_text="The secret, shown this once.")

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "token"]


class SessionOnly(permissions.BasePermission):
    message = _("Create tokens while signed in on the website, not with another token.")

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or token_of(request) is None


class NotUnitLimited(permissions.BasePermission):
    message = _("A token limited to some units cannot list, create or revoke tokens.")

    def has_permission(self, request, view) -> bool:
        return token_unit_ids(request) is None


class TokenList(generics.ListCreateAPIView):
    """Your API tokens (never their secrets). Creating one needs a signed-in browser session and
    your password; a token limited to some units cannot list them."""

    permission_classes = [WriteScope, SessionOnly, NotUnitLimited]
    serializer_class = TokenSerializer
    queryset = ApiToken.objects.none()  # for the schema; get_queryset is what runs
    cursor_ordering = "-created_at"

    def get_queryset(self):
        return selectors.tokens_of(self.request.user)

    @extend_schema(
        request=TokenCreateSerializer,
        responses={201: TokenCreatedSerializer, **errors(400, 401, 403)},
    )
    def post(self, request):
        data = TokenCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        token, secret = services.create_token(
            actor=request.user,
            name=data.validated_data["name"],
            can_write=data.validated_data["write"],
            units=data.validated_data["units"],
        )
        token.token = secret
        return Response(TokenCreatedSerializer(token).data, status=status.HTTP_201_CREATED)


class TokenRevoke(generics.GenericAPIView):
    permission_classes = [WriteScope, NotUnitLimited]
    serializer_class = TokenSerializer
    queryset = ApiToken.objects.none()

    def get_queryset(self):
        return selectors.tokens_of(self.request.user)

    @extend_schema(responses={204: None, **errors(401, 403, 404)})
    def delete(self, request, pk: int):
        """Revoke one of your tokens: it stops working at once."""
        services.revoke_token(
            actor=request.user, token=get_object_or_404(self.get_queryset(), pk=pk)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class UnitTokenList(generics.ListAPIView):
    """The active tokens that reach a unit, for its unit head (and agency heads above it)."""

    permission_classes = [ReadScope]
    serializer_class = UnitTokenSerializer
    queryset = ApiToken.objects.none()
    cursor_ordering = "-created_at"

    def get_queryset(self):
        return selectors.unit_tokens(get_unit(self.request, self.kwargs["slug"], managed=True))


urlpatterns = [
    path("tokens/", TokenList.as_view(), name="token-list"),
    path("tokens/<int:pk>/", TokenRevoke.as_view(), name="token-revoke"),
    path("units/<slug:slug>/tokens/", UnitTokenList.as_view(), name="unit-token-list"),
]
