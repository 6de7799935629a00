# Proseware: the first draft of its Exchange Server SE site-resilience
# design, two datacenters (New York and London), committed for review.

organization "Proseware" {
  forest_functional_level = "2016"
  split_permissions       = false
}

site "NYC" {}
site "LON" {}

domain_controller "PW-DC01" {
  site           = "NYC"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain_controller "PW-DC02" {
  site           = "LON"
  os             = "2022"
  global_catalog = true
  read_only      = false
}
