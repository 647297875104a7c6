curl -X POST "https://api.constellr.com/orders/batch" \
  -H 'accept: application/json' \
  -H "Authorization: Bearer <access_token>" \
  -H "Content-Type: application/json" \
  -d @order_payload.json
