curl -X GET "https://api.constellr.com/orders/meta/use-cases" \
  -H "Authorization: Bearer <access_token>"
