import requests

url = "https://api.constellr.com/orders/meta/use-cases"
headers = {
    "Authorization": "Bearer <access_token>"
}

response = requests.get(url, headers=headers)

print(response.status_code)
