import requests

url = "https://api.constellr.com/orders/123e4567-e89b-12d3-a456-426614174000"
headers = {
    "Authorization": "Bearer <access_token>"
}

response = requests.get(url, headers=headers)

print(response.status_code)
print(response.json())
