import WegweiserCore
print("wegweiser")
