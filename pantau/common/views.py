from django.db import DatabaseError, connection
from django.http import JsonResponse


def healthz(request):
    """For load balancers: 200 when the app can reach its database, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
