curl -X GET "https://api.constellr.com/products" \
  -H "Authorization: Bearer <access_token>"
