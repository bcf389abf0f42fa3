import factory

from pantau.accounts.models import Membership, Role, User

PASSWORD = "rahasia-yang-panjang-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.id")
    first_name = "Nama"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.UNIT_OFFICER
