curl -G "https://api.constellr.com/areas-of-interest" \
  -H "Authorization: Bearer <access_token>" \
  --data-urlencode "limit=10" \
  --data-urlencode "offset=0" \
  --data-urlencode "sort=-created"
