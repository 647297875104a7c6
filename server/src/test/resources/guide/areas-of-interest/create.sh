curl -X POST "https://api.constellr.com/areas-of-interest" \
  -H "Authorization: Bearer <access_token>" \
  -H "Content-Type: application/json" \
  -d '{
    "name": "Test AOI",
    "description": "Test area",
    "geometry": {
      "type": "Polygon",
      "coordinates": [
        [
          [8.68483, 49.885416],
          [8.684889, 49.876422],
          [8.670971, 49.876383],
          [8.67091, 49.885378],
          [8.68483, 49.885416]
        ]
      ]
    }
  }'
